package dev.ftgo.kitchen.restaurant.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.ftgo.kitchen.restaurant.RestaurantClosed;
import dev.ftgo.kitchen.restaurant.RestaurantCreated;
import dev.ftgo.kitchen.restaurant.RestaurantEvent;
import dev.ftgo.kitchen.restaurant.RestaurantMenuRevised;
import dev.ftgo.kitchen.restaurant.RestaurantOpened;
import dev.ftgo.kitchen.restaurant.RestaurantSnapshot;
import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageContracts;
import dev.ftgo.messaging.OutboxWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Producer side: every restaurant event, as OutboxRestaurantMessages sends it, follows the schema kitchen-service
 * publishes in src/main/resources/contracts/messages.
 */
class OutgoingRestaurantMessageContractsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyRestaurantEventFollowsItsSchema() {
		var sent = new ArrayList<Message>();
		// the real outbox adapter, with a writer that only records: no database here
		var messages = new OutboxRestaurantMessages(new OutboxWriter(new SimpleDriverDataSource(), JSON) {
			@Override
			public void send(Message message) {
				sent.add(message);
			}
		});
		var withMenu = new RestaurantSnapshot(UUID.randomUUID(), "Ajanta", true,
				List.of(new RestaurantSnapshot.Item("m1", "Curry", new RestaurantSnapshot.Price("12.50", "USD"))), 3);
		var closedWithoutMenu = new RestaurantSnapshot(withMenu.restaurantId(), "Ajanta", false, List.of(), 4);

		List<RestaurantEvent> all = List.of(new RestaurantCreated(withMenu), new RestaurantMenuRevised(withMenu),
				new RestaurantClosed(closedWithoutMenu), new RestaurantOpened(withMenu));
		messages.send(all);

		assertThat(sent).extracting(Message::type).containsExactlyInAnyOrderElementsOf(
				Stream.of(RestaurantEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
		var contracts = MessageContracts.onClasspath();
		assertThat(sent).allSatisfy(message -> assertThatCode(() -> contracts.check(message, JSON.valueToTree(message.payload())))
				.as(message.type()).doesNotThrowAnyException());
	}
}
