package dev.ftgo.kitchen.restaurant.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import dev.ftgo.kitchen.web.MoneyJson;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A price above zero. An amount that is missing or not a decimal string passes here: {@link MoneyJson}'s
 * own constraints report it, and one message per mistake is enough.
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
			return new BigDecimal(value.amount()).signum() > 0;
		}
	}
}
