package dev.ftgo.order.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageContracts;
import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.MenuItemId;
import dev.ftgo.order.order.Money;
import dev.ftgo.order.order.Order;
import dev.ftgo.order.order.OrderLineItem;
import dev.ftgo.order.order.OrderMessage;
import dev.ftgo.order.order.OrderState;
import dev.ftgo.order.order.Quantity;
import dev.ftgo.order.order.RestaurantId;
import dev.ftgo.order.order.TicketId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Producer side: every message type order-service sends, as the mapping makes it, follows the schema it
 * publishes in src/main/resources/contracts/messages, and every schema there is one it sends. The services' tests
 * also check each message they make the service send (ftgo.messaging.validate-outgoing); this covers every type
 * without a database.
 */
class OutgoingMessageContractsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Path SCHEMAS = Path.of("src/main/resources/contracts/messages");

	private final MessageContracts contracts = MessageContracts.onClasspath();

	@Test
	void everyMessageFollowsItsSchema() {
		assertThat(sentMessages()).allSatisfy(message -> assertThatCode(
				() -> contracts.check(message, JSON.valueToTree(message.payload()))).as(message.type()).doesNotThrowAnyException());
	}

	@Test
	void everySchemaIsOneOfATypeItSends() throws IOException {
		try (Stream<Path> files = Files.list(SCHEMAS)) {
			assertThat(sentMessages().stream().map(Message::type).distinct())
					.containsExactlyInAnyOrderElementsOf(files.map(file -> file.getFileName().toString().replace(".schema.json", ""))
							.toList());
		}
	}

	private static List<Message> sentMessages() {
		var order = Order.place(new ConsumerId(UUID.randomUUID()), new RestaurantId(UUID.randomUUID()),
				List.of(new OrderLineItem(new MenuItemId("m1"), "Curry", new Quantity(2), Money.of("12.50", "USD"))), null,
				Instant.parse("2026-01-01T12:00:00Z"));
		var messages = new ArrayList<OrderMessage>(order.releaseMessages());
		order.approve(new TicketId(UUID.randomUUID()));
		order.requestCancellation();
		order.undoCancellation();
		messages.addAll(order.releaseMessages());
		messages.add(new OrderMessage.OrderRejected(order.id(), "Restaurant is closed"));
		messages.add(new OrderMessage.OrderRejected(order.id(), null));
		messages.add(new OrderMessage.OrderCancelled(order.id(), OrderState.CANCELLED));
		return messages.stream().map(OrderMessageMapping::toMessage).toList();
	}
}
