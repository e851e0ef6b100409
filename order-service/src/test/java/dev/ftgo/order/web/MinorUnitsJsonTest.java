package dev.ftgo.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.ErrorResponseException;

import dev.ftgo.order.order.Money;

class MinorUnitsJsonTest {

	@ParameterizedTest
	@CsvSource({ "12.50, USD, 1250", "0, USD, 0", "0.01, EUR, 1", "1500, JPY, 1500", "1.25, KWD, 1250",
			"1.5, XAU, 150", "92233720368547758.07, USD, 9223372036854775807" })
	void countsTheCurrencysMinorUnits(String amount, String currency, long minor) {
		assertThat(MinorUnitsJson.of(Money.of(amount, currency))).isEqualTo(new MinorUnitsJson(minor, currency));
	}

	@ParameterizedTest
	@CsvSource({ "12.50, JPY", "92233720368547758.08, USD" })
	void refusesToRoundAnAmountItCannotCount(String amount, String currency) {
		assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> MinorUnitsJson.of(Money.of(amount, currency)))
			.satisfies(refused -> {
				assertThat(refused.getStatusCode().value()).isEqualTo(409);
				assertThat(refused.getBody().getDetail()).contains(amount + " " + currency).contains("/api/v1/orders");
			});
	}
}
