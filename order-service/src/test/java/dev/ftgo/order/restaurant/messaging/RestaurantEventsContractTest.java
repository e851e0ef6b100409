package dev.ftgo.order.restaurant.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.messaging.ConsumerContract;
import dev.ftgo.messaging.MessageContracts;
import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.Money;
import dev.ftgo.order.restaurant.messaging.RestaurantReplicaFeed.RestaurantChanged;

import tools.jackson.databind.JsonNode;

/**
 * Consumer side of kitchen-service's restaurant.events contract: the replica feed reads every documented example
 * of every type, as its subscription reads them, and turns it into the restaurant order placement uses.
 */
class RestaurantEventsContractTest {

	private static final Path KITCHEN = Path.of("../kitchen-service/src/main/resources/contracts/messages");

	private final ConsumerContract feed = ConsumerContract.of(new RestaurantReplicaFeed().restaurantEvents(null));

	@ParameterizedTest
	@ValueSource(strings = { "RestaurantCreated", "RestaurantMenuRevised", "RestaurantClosed", "RestaurantOpened" })
	void readsEverySnapshotAsTheKitchenSendsIt(String type) {
		assertThat(feed.misreadExamples(type, KITCHEN)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "RestaurantCreated", "RestaurantMenuRevised", "RestaurantClosed", "RestaurantOpened" })
	void turnsTheCompleteSnapshotIntoTheRestaurantWithItsMenu(String type) {
		var complete = examples(type).get(0);

		var restaurant = ((RestaurantChanged) feed.read(type, complete)).toRestaurant();

		assertThat(restaurant.name()).isEqualTo(complete.get("name").asString());
		assertThat(restaurant.open()).isEqualTo(complete.get("open").asBoolean());
		assertThat(restaurant.menu()).hasSize(complete.get("menu").size());
		var first = complete.get("menu").get(0);
		assertThat(restaurant.menuItem(new MenuItemId(first.get("menuItemId").asString()))).hasValueSatisfying(item -> {
			assertThat(item.name()).isEqualTo(first.get("name").asString());
			assertThat(item.price()).isEqualTo(Money.of(first.get("price").get("amount").asString(),
					first.get("price").get("currency").asString()));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "RestaurantCreated", "RestaurantMenuRevised", "RestaurantClosed", "RestaurantOpened" })
	void aSnapshotWithoutNameOpenAndMenuIsAnOpenRestaurantWithNothingToOrder(String type) {
		var minimal = examples(type).get(2);

		var snapshot = (RestaurantChanged) feed.read(type, minimal);

		assertThat(snapshot.version()).isEqualTo(minimal.get("version").asLong());
		assertThat(snapshot.toRestaurant().open()).isTrue();
		assertThat(snapshot.toRestaurant().menu()).isEmpty();
		assertThat(snapshot.toRestaurant().name()).isNull();
	}

	private static List<JsonNode> examples(String type) {
		return MessageContracts.examples(KITCHEN.resolve(type + ".schema.json"));
	}
}
