package dev.ftgo.kitchen.restaurant.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.List;

import dev.ftgo.kitchen.restaurant.Menu;
import dev.ftgo.web.CurrencyCode;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The rules of a {@link Menu} that span items: each {@code menuItemId} once, every price in one
 * currency. Each violation names the offending item's field, e.g. {@code menu[3].menuItemId}. Items
 * with missing or malformed fields are skipped: their own constraints report them.
 */
@Documented
@Constraint(validatedBy = ConsistentMenu.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface ConsistentMenu {

	String message() default "must be a consistent menu";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ConsistentMenu, List<MenuItemJson>> {

		private final CurrencyCode.Validator currencyCode = new CurrencyCode.Validator();

		@Override
		public boolean isValid(List<MenuItemJson> menu, ConstraintValidatorContext context) {
			if (menu == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			var valid = true;
			var firstIndexOfId = new HashMap<String, Integer>();
			String menuCurrency = null;
			for (int i = 0; i < menu.size(); i++) {
				var item = menu.get(i);
				if (item == null) {
					continue;
				}
				if (item.menuItemId() != null) {
					var first = firstIndexOfId.putIfAbsent(item.menuItemId(), i);
					if (first != null) {
						valid = false;
						context.buildConstraintViolationWithTemplate("must be unique within the menu, but repeats menu[" + first + "]")
								.addPropertyNode("menuItemId").inIterable().atIndex(i)
								.addConstraintViolation();
					}
				}
				var currency = item.price() == null ? null : item.price().currency();
				if (currency == null || !currencyCode.isValid(currency, context)) {
					continue;
				}
				if (menuCurrency == null) {
					menuCurrency = currency;
				}
				else if (!menuCurrency.equals(currency)) {
					valid = false;
					// both codes are valid ISO 4217 codes here, so quoting them echoes no arbitrary input
					context.buildConstraintViolationWithTemplate("must be " + menuCurrency
							+ ": all prices of a menu are in one currency")
							.addPropertyNode("price").inIterable().atIndex(i)
							.addPropertyNode("currency")
							.addConstraintViolation();
				}
			}
			return valid;
		}
	}
}
