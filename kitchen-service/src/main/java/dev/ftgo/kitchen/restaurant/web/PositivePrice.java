package dev.ftgo.kitchen.restaurant.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.util.Currency;

import dev.ftgo.kitchen.web.MoneyJson;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A price above zero, in whole minor units of its currency (no 12.50 JPY: the yen has no cents, and the v2
 * order API shows prices as integer minor units). An amount or currency that is missing or malformed passes
 * here: {@link MoneyJson}'s own constraints report it, and one message per mistake is enough.
 */
@Documented
@Constraint(validatedBy = PositivePrice.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@interface PositivePrice {

	String message() default "amount must be greater than 0.00: a menu item cannot be free";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PositivePrice, MoneyJson> {

		@Override
		public boolean isValid(MoneyJson value, ConstraintValidatorContext context) {
			if (value == null || value.amount() == null || !value.amount().matches(MoneyJson.AMOUNT_PATTERN)) {
				return true;
			}
			var amount = new BigDecimal(value.amount());
			if (amount.signum() <= 0) {
				return false;
			}
			int fractionDigits = fractionDigits(value.currency());
			if (fractionDigits >= 0 && amount.stripTrailingZeros().scale() > fractionDigits) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("amount must be a whole number of " + value.currency()
						+ " minor units: " + value.currency() + " has " + fractionDigits + " decimal places")
					.addConstraintViolation();
				return false;
			}
			return true;
		}

		/** The currency's decimal places, or -1 when the code is unknown or has none (pseudo-currencies such as XAU). */
		private static int fractionDigits(String currencyCode) {
			try {
				return currencyCode == null ? -1 : Currency.getInstance(currencyCode).getDefaultFractionDigits();
			}
			catch (IllegalArgumentException unknown) {
				return -1;
			}
		}
	}
}
