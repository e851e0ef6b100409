package dev.ftgo.order.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import dev.ftgo.order.order.Money;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Money on the wire from v2 on: {@code {"amountMinor": 1250, "currency": "USD"}}, an integer count of the
 * currency's minor unit (ISO 4217 fraction digits: cents for USD, yen for JPY, fils for KWD). Pseudo-currencies
 * without a minor unit (such as gold, XAU) count hundredths, the precision the domain keeps.
 */
@Schema(name = "MoneyInMinorUnits",
		description = "An amount of money as an integer count of the currency's minor unit.")
public record MinorUnitsJson(
		@Schema(example = "1250", minimum = "0") long amountMinor,
		@Schema(description = "ISO 4217 code; its fraction digits say what one minor unit is.", example = "USD")
		String currency) {

	public static MinorUnitsJson of(Money money) {
		// e.g. 12.50 JPY: v1 can show it, v2 cannot without rounding, and rounding would misstate a price. Orders with
		// such prices are refused when placed (OrderService), so only an order stored before that can fail here: a
		// 409 problem that points at v1, which can show it, rather than a 500
		var minor = money.inMinorUnits().orElseThrow(() -> new ErrorResponseException(HttpStatus.CONFLICT,
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This order holds the amount " + money
						+ ", which cannot be expressed in whole minor units of its currency; read it through /api/v1/orders."),
				null));
		return new MinorUnitsJson(minor, money.currency().getCurrencyCode());
	}
}
