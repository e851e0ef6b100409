package dev.ftgo.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	@ParameterizedTest
	@CsvSource({ "12.50, USD, 1250", "1500, JPY, 1500", "1500.00, JPY, 1500", "1.25, KWD, 1250", "1.5, XAU, 150",
			"92233720368547758.07, USD, 9223372036854775807" })
	void countsItsCurrencysMinorUnits(String amount, String currency, long minorUnits) {
		assertThat(Money.of(amount, currency).inMinorUnits()).hasValue(minorUnits);
	}

	@ParameterizedTest
	@CsvSource({ "12.50, JPY", "0.01, JPY", "92233720368547758.08, USD" })
	void cannotCountAnAmountFinerThanTheMinorUnitOrTooLarge(String amount, String currency) {
		assertThat(Money.of(amount, currency).inMinorUnits()).isEmpty();
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
	void addsAndMultipliesExactly() {
		assertThat(Money.of("0.10", "USD").plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("0.30", "USD"));
		assertThat(Money.of("12.50", "USD").times(3)).isEqualTo(Money.of("37.50", "USD"));
		assertThat(Money.of("19.99", "USD").times(1000)).isEqualTo(Money.of("19990.00", "USD"));
		assertThat(Money.zero(java.util.Currency.getInstance("EUR")).toString()).isEqualTo("0.00 EUR");
	}

	@Test
	void refusesToMixCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", "USD").plus(Money.of("1.00", "EUR")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Money.of("10.00", "USD").isGreaterThan(Money.of("1.00", "EUR")));
	}

	@Test
	void refusesNegativeFactors() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", "USD").times(-1));
	}

	@Test
	void comparesWithinOneCurrency() {
		assertThat(Money.of("10.00", "USD").isGreaterThan(Money.of("9.99", "USD"))).isTrue();
		assertThat(Money.of("10.00", "USD").isGreaterThan(Money.of("10", "USD"))).isFalse();
	}

	@Test
	void equalAmountsWithDifferentScalesAreEqual() {
		assertThat(Money.of("5", "USD")).isEqualTo(Money.of("5.00", "USD"));
	}
}
