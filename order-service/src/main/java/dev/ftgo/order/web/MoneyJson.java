package dev.ftgo.order.web;

import dev.ftgo.order.order.Money;

/**
 * Money on the wire: {@code {"amount": "12.50", "currency": "USD"}}. The amount is a decimal string
 * so no client ever sees a binary floating-point value.
 */
public record MoneyJson(String amount, String currency) {

	public static MoneyJson of(Money money) {
		return new MoneyJson(money.amount().toPlainString(), money.currency().getCurrencyCode());
	}
}
