package dev.ftgo.consumer.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Currency;

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
	void comparesOnlyWithinOneCurrency() {
		assertThat(Money.of("10.00", "USD").isGreaterThan(Money.of("9.99", "USD"))).isTrue();
		assertThat(Money.of("10.00", "USD").isGreaterThan(Money.of("10", "USD"))).isFalse();
		assertThatIllegalArgumentException()
				.isThrownBy(() -> Money.of("10.00", "USD").isGreaterThan(new Money(BigDecimal.ONE, Currency.getInstance("EUR"))));
	}

	@Test
	void equalAmountsWithDifferentScalesAreEqual() {
		assertThat(Money.of("5", "USD")).isEqualTo(Money.of("5.00", "USD"));
	}
}
