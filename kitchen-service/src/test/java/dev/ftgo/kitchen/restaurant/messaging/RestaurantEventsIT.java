package dev.ftgo.kitchen.restaurant.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.kitchen.RunningKitchenService;
import dev.ftgo.messaging.Message;

import tools.jackson.databind.JsonNode;

/** The restaurant use cases, driven over HTTP, announce each change on restaurant.events in their transaction. */
class RestaurantEventsIT extends RunningKitchenService {

	private static final String MENU = """
			{"menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.5", "currency": "USD"}},
			          {"menuItemId": "m2", "name": "Naan", "price": {"amount": "3", "currency": "USD"}}]}""";
	private static final String REVISED_MENU = """
			{"menu": [{"menuItemId": "m3", "name": "Dal", "price": {"amount": "7.25", "currency": "USD"}}]}""";

	private String create() {
		var response = asAdmin().post("/api/v1/restaurants", "{\"name\": \"Ajanta\", " + MENU.substring(1));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("restaurantId").asString();
	}

	private void change(String restaurantId, String path, int status) {
		var response = path.equals("menu")
				? asAdmin().put("/api/v1/restaurants/" + restaurantId + "/menu", REVISED_MENU)
				: asAdmin().post("/api/v1/restaurants/" + restaurantId + "/" + path, null);
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
	}

	@Test
	void publishesASnapshotOfANewRestaurant() {
		var id = create();

		var sent = outbox.committed("restaurant.events", id);
		assertThat(sent).extracting(Message::type).containsExactly("RestaurantCreated");
		var message = sent.get(0);
		assertThat(message.headers().schemaVersion()).isEqualTo("1");
		assertThat(message.headers().correlationId()).isNull();
		var snapshot = outbox.payload(message);
		assertThat(snapshot.get("restaurantId").asString()).isEqualTo(id);
		assertThat(snapshot.get("name").asString()).isEqualTo("Ajanta");
		assertThat(snapshot.get("open").asBoolean()).isTrue();
		assertThat(snapshot.get("version").asLong()).isZero();
		assertThat(snapshot.get("menu").size()).isEqualTo(2);
		var curry = snapshot.at("/menu/0");
		assertThat(curry.get("menuItemId").asString()).isEqualTo("m1");
		assertThat(curry.get("name").asString()).isEqualTo("Curry");
		// money as a decimal string with two decimals, never a JSON number
		assertThat(curry.at("/price/amount").isString()).isTrue();
		assertThat(curry.at("/price/amount").asString()).isEqualTo("12.50");
		assertThat(curry.at("/price/currency").asString()).isEqualTo("USD");
		assertThat(snapshot.at("/menu/1/price/amount").asString()).isEqualTo("3.00");
	}

	@Test
	void publishesEveryChangeAsASnapshotWithAGrowingVersion() {
		var id = create();

		change(id, "menu", 200);
		change(id, "close", 200);
		change(id, "open", 200);

		var sent = outbox.committed("restaurant.events", id);
		assertThat(sent).extracting(Message::type)
				.containsExactly("RestaurantCreated", "RestaurantMenuRevised", "RestaurantClosed", "RestaurantOpened");
		var snapshots = sent.stream().map(outbox::payload).toList();
		assertThat(snapshots).extracting(snapshot -> snapshot.get("version").asLong()).isSorted().doesNotHaveDuplicates();
		assertThat(snapshots).extracting(snapshot -> snapshot.get("open").asBoolean()).containsExactly(true, true, false, true);
		assertThat(snapshots).extracting(snapshot -> snapshot.at("/menu/0/menuItemId").asString())
				.containsExactly("m1", "m3", "m3", "m3");
		// the last snapshot is the restaurant as it is now: a replica that keeps only it is right
		var latest = snapshots.get(3);
		assertThat(latest.get("menu").size()).isOne();
		assertThat(latest.at("/menu/0/price/amount").asString()).isEqualTo("7.25");
	}

	@Test
	void sendsNothingForARefusedChange() {
		var id = create();
		change(id, "close", 200);

		change(id, "close", 409);
		change(UUID.randomUUID().toString(), "open", 404);

		assertThat(outbox.written(id)).extracting(Message::type).containsExactly("RestaurantCreated", "RestaurantClosed");
	}

	@Test
	void rollsTheChangeBackWhenItsEventCannotBeWritten() {
		var id = create();
		outbox.failFor(message -> message.key().equals(id));

		var response = asAdmin().post("/api/v1/restaurants/" + id + "/close", null);

		assertThat(response.status()).as(response.toString()).isEqualTo(500);
		JsonNode restaurant = asAdmin().get("/api/v1/restaurants/" + id).json();
		assertThat(restaurant.get("open").asBoolean()).isTrue();
		assertThat(outbox.committed("restaurant.events", id)).extracting(Message::type).containsExactly("RestaurantCreated");
	}
}
