package dev.ftgo.kitchen.restaurant;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

import jakarta.persistence.Embeddable;

/**
 * An amount of money in one currency, always with two decimals. Amounts are never negative in this
 * domain (prices), so a negative amount is a bug and rejected here.
 */
@Embeddable
public record Money(BigDecimal amount, Currency currency) {

	public static final int SCALE = 2;

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		if (amount.signum() < 0) {
			throw new IllegalArgumentException("amount must not be negative: " + amount);
		}
		if (amount.stripTrailingZeros().scale() > SCALE) {
			// rounding would silently change what the caller asked for
			throw new IllegalArgumentException("amount must have at most " + SCALE + " decimals: " + amount);
		}
		amount = amount.setScale(SCALE);
	}

	public static Money of(String amount, String currencyCode) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
	}

	public boolean isPositive() {
		return amount.signum() > 0;
	}

	public boolean hasSameCurrencyAs(Money other) {
		return currency.equals(other.currency);
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency.getCurrencyCode();
	}
}
