package dev.ftgo.consumer.web;

import java.math.BigDecimal;
import java.util.Currency;

import dev.ftgo.consumer.consumer.Money;
import dev.ftgo.web.CurrencyCode;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Money on the wire: {@code {"amount": "12.50", "currency": "USD"}}. The amount is a decimal string
 * so no client ever sees a binary floating-point value.
 */
@Schema(name = "Money", description = "An amount of money: a decimal string with at most two decimals.")
public record MoneyJson(
		@Schema(example = "12.50") @NotNull @Pattern(regexp = "\\d{1,12}(\\.\\d{1,2})?", message = "must be a non-negative decimal string with at most 2 decimals, e.g. \"12.50\"") String amount,
		@Schema(example = "USD") @NotNull @CurrencyCode String currency) {

	public static MoneyJson of(Money money) {
		return new MoneyJson(money.amount().toPlainString(), money.currency().getCurrencyCode());
	}

	public Money toMoney() {
		return new Money(new BigDecimal(amount), Currency.getInstance(currency));
	}
}
