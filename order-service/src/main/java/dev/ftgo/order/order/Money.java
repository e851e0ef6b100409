package dev.ftgo.order.order;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.OptionalLong;

import jakarta.persistence.Embeddable;

/**
 * An amount of money in one currency, always with two decimals. Prices and totals are never
 * negative, so a negative amount is a bug and rejected here; arithmetic across currencies is
 * refused rather than converted.
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

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money times(int factor) {
		if (factor < 0) {
			throw new IllegalArgumentException("factor must not be negative: " + factor);
		}
		return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
	}

	public boolean isGreaterThan(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount) > 0;
	}

	/**
	 * How many decimals the currency's minor unit has (ISO 4217: 2 for USD, 0 for JPY, 3 for KWD); {@link #SCALE}
	 * for pseudo-currencies without one, such as gold (XAU).
	 */
	public int minorUnitDigits() {
		var digits = currency.getDefaultFractionDigits();
		return digits < 0 ? SCALE : digits;
	}

	/**
	 * The amount as a count of the currency's minor unit (1250 for 12.50 USD, 1500 for 1500 JPY); empty when it is
	 * no whole number of them (12.50 JPY, which no yen coin can pay) or too many for a {@code long}.
	 */
	public OptionalLong inMinorUnits() {
		try {
			return OptionalLong.of(amount.movePointRight(minorUnitDigits()).longValueExact());
		}
		catch (ArithmeticException notACount) {
			return OptionalLong.empty();
		}
	}

	public boolean hasSameCurrencyAs(Money other) {
		return currency.equals(other.currency);
	}

	private void requireSameCurrency(Money other) {
		if (!hasSameCurrencyAs(other)) {
			throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
		}
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency.getCurrencyCode();
	}
}
