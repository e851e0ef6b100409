package dev.ftgo.kitchen.restaurant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class RestaurantTest {

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

	static MenuItem item(String id, String price) {
		return new MenuItem(id, "Dish " + id, Money.of(price, "USD"));
	}

	private static Restaurant restaurant() {
		return Restaurant.create("Ajanta", Menu.of(item("m1", "12.50"), item("m2", "4.00")), NOW);
	}

	@Test
	void startsOpenWithItsMenu() {
		var restaurant = restaurant();

		assertThat(restaurant.isOpen()).isTrue();
		assertThat(restaurant.name()).isEqualTo("Ajanta");
		assertThat(restaurant.createdAt()).isEqualTo(NOW);
		assertThat(restaurant.menu().items()).extracting(MenuItem::menuItemId).containsExactly("m1", "m2");
		assertThat(restaurant.menuItem("m2")).contains(item("m2", "4.00"));
		assertThat(restaurant.menuItem("m3")).isEmpty();
	}

	@Test
	void closesAndOpens() {
		var restaurant = restaurant();

		restaurant.close();
		assertThat(restaurant.isOpen()).isFalse();

		restaurant.open();
		assertThat(restaurant.isOpen()).isTrue();
	}

	@Test
	void refusesToCloseTwiceOrOpenAnOpenRestaurant() {
		var restaurant = restaurant();
		assertThatExceptionOfType(IllegalRestaurantStateException.class).isThrownBy(restaurant::open);

		restaurant.close();
		assertThatExceptionOfType(IllegalRestaurantStateException.class).isThrownBy(restaurant::close);
		assertThat(restaurant.isOpen()).isFalse();
	}

	@Test
	void replacesTheWholeMenu() {
		var restaurant = restaurant();

		restaurant.replaceMenu(Menu.of(item("m3", "9.90")));

		assertThat(restaurant.menu().items()).containsExactly(item("m3", "9.90"));
		assertThat(restaurant.menuItem("m1")).isEmpty();
	}

	@Test
	void requiresAName() {
		var menu = Menu.of(item("m1", "1.00"));
		assertThatIllegalArgumentException().isThrownBy(() -> Restaurant.create(" ", menu, NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> Restaurant.create(null, menu, NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> Restaurant.create("x".repeat(201), menu, NOW));
		assertThat(Restaurant.create("  Ajanta ", menu, NOW).name()).isEqualTo("Ajanta");
	}

	@Test
	void menuNeedsOneToFiveHundredItems() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Menu(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new Menu(null));
		var items = new ArrayList<MenuItem>();
		for (int i = 0; i < Menu.MAX_ITEMS; i++) {
			items.add(item("m" + i, "1.00"));
		}
		assertThat(new Menu(items).items()).hasSize(500);
		items.add(item("one-too-many", "1.00"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Menu(items));
	}

	@Test
	void menuRefusesDuplicateIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> Menu.of(item("m1", "1.00"), item("m1", "2.00")))
				.withMessageContaining("m1");
	}

	@Test
	void menuRefusesMixedCurrencies() {
		var euro = new MenuItem("m2", "Crêpe", Money.of("3.00", "EUR"));

		assertThatIllegalArgumentException().isThrownBy(() -> Menu.of(item("m1", "1.00"), euro))
				.withMessageContaining("one currency");
	}

	@Test
	void menuIsImmutable() {
		var items = new ArrayList<>(List.of(item("m1", "1.00")));
		var menu = new Menu(items);
		items.add(item("m2", "1.00"));

		assertThat(menu.items()).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> Collections.addAll(menu.items(), item("m3", "1.00")));
	}

	@Test
	void menuItemsCannotBeFreeOrNameless() {
		assertThatIllegalArgumentException().isThrownBy(() -> item("m1", "0.00"));
		assertThatIllegalArgumentException().isThrownBy(() -> new MenuItem("m1", " ", Money.of("1.00", "USD")));
		assertThatIllegalArgumentException().isThrownBy(() -> new MenuItem("m1", "x".repeat(201), Money.of("1.00", "USD")));
		assertThatIllegalArgumentException().isThrownBy(() -> new MenuItem("", "Curry", Money.of("1.00", "USD")));
		assertThatIllegalArgumentException().isThrownBy(() -> new MenuItem("m".repeat(65), "Curry", Money.of("1.00", "USD")));
		assertThat(new MenuItem("m".repeat(64), " Curry ", Money.of("1.00", "USD")).name()).isEqualTo("Curry");
	}
}
