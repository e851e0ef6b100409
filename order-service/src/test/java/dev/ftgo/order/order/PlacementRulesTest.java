package dev.ftgo.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.order.order.OrderRefusedException.Reason;
import dev.ftgo.order.order.Restaurant.MenuItem;

class PlacementRulesTest {

	private static final ConsumerId CONSUMER = new ConsumerId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
	private static final RestaurantId RESTAURANT = new RestaurantId(UUID.fromString("00000000-0000-0000-0000-000000000002"));

	@Test
	void quantitiesMustStayWithinTheLimits() {
		assertThat(PlacementRules.QUANTITIES_WITHIN_LIMITS.brokenBy(order(Quantity.MIN, Quantity.MAX))).isEmpty();

		assertThat(PlacementRules.QUANTITIES_WITHIN_LIMITS.brokenBy(order(1, Quantity.MAX + 1)))
			.hasValueSatisfying(refusal -> {
				assertThat(refusal.reason()).isEqualTo(Reason.INVALID_QUANTITY);
				assertThat(refusal.field()).isEqualTo("lineItems[1].quantity");
			});
		assertThat(PlacementRules.QUANTITIES_WITHIN_LIMITS.brokenBy(order(Quantity.MIN - 1))).isPresent();
	}

	@Test
	void aClosedRestaurantTakesNoOrders() {
		assertThat(PlacementRules.RESTAURANT_OPEN.brokenBy(restaurant(true))).isEmpty();

		assertThat(reasonOf(PlacementRules.RESTAURANT_OPEN.brokenBy(restaurant(false)))).contains(Reason.RESTAURANT_CLOSED);
	}

	@Test
	void anOrderIsPricedInOneCurrency() {
		var euros = item("12.50", "EUR");

		assertThat(PlacementRules.SAME_CURRENCY.brokenBy(ordered(0, euros, null))).isEmpty();
		assertThat(PlacementRules.SAME_CURRENCY.brokenBy(ordered(1, euros, Money.of("3.00", "EUR")))).isEmpty();
		assertThat(reasonOf(PlacementRules.SAME_CURRENCY.brokenBy(ordered(1, euros, Money.of("3.00", "USD")))))
			.contains(Reason.MIXED_CURRENCIES);
	}

	@Test
	void aPriceFinerThanItsCurrencysMinorUnitCannotBeCharged() {
		assertThat(PlacementRules.PRICE_REPRESENTABLE.brokenBy(ordered(0, item("1250", "JPY"), null))).isEmpty();

		assertThat(PlacementRules.PRICE_REPRESENTABLE.brokenBy(ordered(2, item("12.50", "JPY"), null)))
			.hasValueSatisfying(refusal -> {
				assertThat(refusal.reason()).isEqualTo(Reason.PRICE_NOT_REPRESENTABLE);
				assertThat(refusal.field()).isEqualTo("lineItems[2].menuItemId");
				assertThat(refusal.getMessage()).contains("12.50", "JPY", "0 decimals");
			});
	}

	@Test
	void enforcingABrokenRuleRefusesTheOrder() {
		var refused = catchThrowableOfType(OrderRefusedException.class,
				() -> PlacementRules.RESTAURANT_OPEN.enforce(restaurant(false)));

		assertThat(refused.reason()).isEqualTo(Reason.RESTAURANT_CLOSED);
		assertThat(refused.field()).isEqualTo("restaurantId");
	}

	private static PlaceOrder order(int... quantities) {
		var lines = Arrays.stream(quantities).mapToObj(q -> new PlaceOrder.Line(new MenuItemId("m1"), q)).toList();
		return new PlaceOrder(CONSUMER, RESTAURANT, lines, "1 Main St");
	}

	private static Restaurant restaurant(boolean open) {
		return new Restaurant(RESTAURANT, "Ajanta", open, List.of(item("12.50", "EUR")));
	}

	private static MenuItem item(String price, String currency) {
		return new MenuItem(new MenuItemId("m1"), "Chicken Vindaloo", Money.of(price, currency));
	}

	private static PlacementRules.OrderedItem ordered(int index, MenuItem item, Money firstPrice) {
		return new PlacementRules.OrderedItem(index, new PlaceOrder.Line(item.id(), 1), item, firstPrice);
	}

	private static Optional<Reason> reasonOf(Optional<OrderRefusedException> refusal) {
		return refusal.map(OrderRefusedException::reason);
	}
}
