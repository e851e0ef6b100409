package dev.ftgo.order.wire;

import dev.ftgo.order.order.Money;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Money on the wire: {@code {"amount": "12.50", "currency": "USD"}}. The amount is a decimal string
 * so no client ever sees a binary floating-point value.
 */
@Schema(name = "Money", description = "An amount of money: a decimal string with two decimals.")
public record MoneyJson(@Schema(example = "12.50") String amount, @Schema(example = "USD") String currency) {

	public static MoneyJson of(Money money) {
		return new MoneyJson(money.amount().toPlainString(), money.currency().getCurrencyCode());
	}
}
