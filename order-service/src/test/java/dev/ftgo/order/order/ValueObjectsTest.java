package dev.ftgo.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

	private static final ConsumerId CONSUMER = new ConsumerId(UUID.randomUUID());
	private static final RestaurantId RESTAURANT = new RestaurantId(UUID.randomUUID());

	@Test
	void quantityIsBetweenOneAndOneThousand() {
		assertThat(new Quantity(1).value()).isEqualTo(1);
		assertThat(new Quantity(1000).value()).isEqualTo(1000);
		assertThatIllegalArgumentException().isThrownBy(() -> new Quantity(0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Quantity(1001));
		assertThatIllegalArgumentException().isThrownBy(() -> new Quantity(-1));
	}

	@Test
	void menuItemIdIsBounded() {
		assertThat(new MenuItemId("m1").value()).isEqualTo("m1");
		assertThatIllegalArgumentException().isThrownBy(() -> new MenuItemId(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> new MenuItemId("m".repeat(65)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "order-2026-01-01T12:00:00Z", "~!@#$%^&*()_+ {}" })
	void idempotencyKeysArePrintableAscii(String key) {
		assertThat(new IdempotencyKey(key).value()).isEqualTo(key);
		assertThat(new IdempotencyKey("k".repeat(128)).value()).hasSize(128);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "tab\there", "line\nbreak", "caf\u00e9", "\u0000" })
	void idempotencyKeysRefuseOtherCharacters(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey(key));
	}

	@Test
	void idempotencyKeysRefuseMoreThan128Characters() {
		assertThatIllegalArgumentException().isThrownBy(() -> new IdempotencyKey("k".repeat(129)));
	}

	@Test
	void fingerprintIsTheSameForTheSameRequest() {
		var first = new PlaceOrder(CONSUMER, RESTAURANT, List.of(line("m1", 2)), "1 Main St");
		var second = new PlaceOrder(CONSUMER, RESTAURANT, List.of(line("m1", 2)), "1 Main St");

		assertThat(first.fingerprint()).isEqualTo(second.fingerprint()).hasSize(64);
	}

	@Test
	void fingerprintDiffersForAnyDifference() {
		var base = new PlaceOrder(CONSUMER, RESTAURANT, List.of(line("m1", 2)), null);

		assertThat(List.of(
				new PlaceOrder(new ConsumerId(UUID.randomUUID()), RESTAURANT, List.of(line("m1", 2)), null),
				new PlaceOrder(CONSUMER, new RestaurantId(UUID.randomUUID()), List.of(line("m1", 2)), null),
				new PlaceOrder(CONSUMER, RESTAURANT, List.of(line("m1", 3)), null),
				new PlaceOrder(CONSUMER, RESTAURANT, List.of(line("m2", 2)), null),
				new PlaceOrder(CONSUMER, RESTAURANT, List.of(line("m1", 2), line("m1", 2)), null),
				new PlaceOrder(CONSUMER, RESTAURANT, List.of(line("m1", 2)), ""),
				// a value that imitates the separators of the canonical form
				new PlaceOrder(CONSUMER, RESTAURANT, List.of(line("m1;1:2", 2)), null)))
			.extracting(PlaceOrder::fingerprint)
			.doesNotContain(base.fingerprint())
			.doesNotHaveDuplicates();
	}

	private static PlaceOrder.Line line(String menuItemId, int quantity) {
		return new PlaceOrder.Line(new MenuItemId(menuItemId), quantity);
	}
}
