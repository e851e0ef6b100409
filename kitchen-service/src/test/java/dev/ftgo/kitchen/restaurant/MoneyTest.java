package dev.ftgo.kitchen.restaurant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

	@Test
	void normalisesToTwoDecimals() {
		assertThat(Money.of("12.5", "USD").amount()).isEqualTo(new BigDecimal("12.50"));
		assertThat(Money.of("7", "USD").toString()).isEqualTo("7.00 USD");
		assertThat(Money.of("3.1000", "EUR").amount()).isEqualTo(new BigDecimal("3.10"));
	}

	@Test
	void refusesFractionsOfACentRatherThanRoundingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.005", "USD"));
	}

	@Test
	void refusesNegativeAmounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("-0.01", "USD"));
	}

	@Test
	void refusesUnknownCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", "XYZ"));
	}

	@Test
	void knowsWhetherItIsPositive() {
		assertThat(Money.of("0.01", "USD").isPositive()).isTrue();
		assertThat(Money.of("0", "USD").isPositive()).isFalse();
	}

	@Test
	void comparesCurrencies() {
		assertThat(Money.of("1.00", "USD").hasSameCurrencyAs(Money.of("2.00", "USD"))).isTrue();
		assertThat(Money.of("1.00", "USD").hasSameCurrencyAs(Money.of("1.00", "EUR"))).isFalse();
	}

	@Test
	void equalAmountsWithDifferentScalesAreEqual() {
		assertThat(Money.of("5", "USD")).isEqualTo(Money.of("5.00", "USD"));
	}
}
