package dev.ftgo.kitchen.restaurant;

import static dev.ftgo.kitchen.restaurant.RestaurantFixtures.ajanta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Creating a restaurant and each change record the event they cause; releasing hands each over once, carrying
 * the restaurant as it is with the version its change is flushed with.
 */
class RestaurantMessagesTest {

	@Test
	void creatingRecordsRestaurantCreatedWithTheWholeRestaurant() {
		var restaurant = flushedAt(ajanta(), 0);

		var messages = restaurant.releaseMessages();

		assertThat(messages).singleElement().isInstanceOf(RestaurantCreated.class);
		var snapshot = messages.get(0).restaurant();
		assertThat(snapshot.restaurantId()).isEqualTo(restaurant.id().value());
		assertThat(snapshot.name()).isEqualTo("Ajanta");
		assertThat(snapshot.open()).isTrue();
		assertThat(snapshot.version()).isZero();
		assertThat(snapshot.menu()).containsExactly(
				new RestaurantSnapshot.Item("m1", "Curry", new RestaurantSnapshot.Price("12.50", "USD")),
				new RestaurantSnapshot.Item("m2", "Naan", new RestaurantSnapshot.Price("3.00", "USD")));
	}

	@Test
	void eachChangeRecordsItsEventWithTheRestaurantAfterIt() {
		var restaurant = flushedAt(ajanta(), 0);
		restaurant.releaseMessages();

		restaurant.replaceMenu(Menu.of(new MenuItem("m3", "Dal", Money.of("7.25", "USD"))));
		assertThat(flushedAt(restaurant, 1).releaseMessages()).singleElement()
				.isInstanceOfSatisfying(RestaurantMenuRevised.class, revised -> {
					assertThat(revised.restaurant().menu()).extracting(RestaurantSnapshot.Item::menuItemId).containsExactly("m3");
					assertThat(revised.restaurant().version()).isEqualTo(1);
				});

		restaurant.close();
		assertThat(flushedAt(restaurant, 2).releaseMessages()).singleElement()
				.isInstanceOfSatisfying(RestaurantClosed.class, closed -> {
					assertThat(closed.restaurant().open()).isFalse();
					assertThat(closed.restaurant().version()).isEqualTo(2);
				});

		restaurant.open();
		assertThat(flushedAt(restaurant, 3).releaseMessages()).singleElement()
				.isInstanceOfSatisfying(RestaurantOpened.class, opened -> {
					assertThat(opened.restaurant().open()).isTrue();
					assertThat(opened.restaurant().version()).isEqualTo(3);
				});
	}

	@Test
	void releasedMessagesAreForgotten() {
		var restaurant = flushedAt(ajanta(), 0);
		restaurant.releaseMessages();

		assertThat(restaurant.releaseMessages()).isEmpty();
	}

	@Test
	void aRefusedChangeRecordsNothing() {
		var restaurant = flushedAt(ajanta(), 0);
		restaurant.releaseMessages();

		assertThatExceptionOfType(IllegalRestaurantStateException.class).isThrownBy(restaurant::open);

		assertThat(restaurant.releaseMessages()).isEmpty();
	}

	@Test
	void refusesToReleaseBeforeTheNewRestaurantHasAVersion() {
		var restaurant = ajanta();

		assertThatIllegalStateException().isThrownBy(restaurant::releaseMessages).withMessageContaining("flushed");
	}

	/** What JPA does to the version when it flushes the change. */
	private static Restaurant flushedAt(Restaurant restaurant, long version) {
		ReflectionTestUtils.setField(restaurant, "version", version);
		return restaurant;
	}
}
