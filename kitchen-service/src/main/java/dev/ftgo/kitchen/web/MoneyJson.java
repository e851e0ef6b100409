package dev.ftgo.kitchen.web;

import java.math.BigDecimal;
import java.util.Currency;

import dev.ftgo.kitchen.restaurant.Money;
import dev.ftgo.web.CurrencyCode;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Money on the wire: {@code {"amount": "12.50", "currency": "USD"}}. The amount is a decimal string
 * so no client ever sees a binary floating-point value.
 */
public record MoneyJson(
		@NotNull @Pattern(regexp = AMOUNT_PATTERN, message = "must be a non-negative decimal string with at most 2 decimals, e.g. \"12.50\"") String amount,
		@NotNull @CurrencyCode String currency) {

	public static final String AMOUNT_PATTERN = "\\d{1,12}(\\.\\d{1,2})?";

	public static MoneyJson of(Money money) {
		return new MoneyJson(money.amount().toPlainString(), money.currency().getCurrencyCode());
	}

	public Money toMoney() {
		return new Money(new BigDecimal(amount), Currency.getInstance(currency));
	}
}
