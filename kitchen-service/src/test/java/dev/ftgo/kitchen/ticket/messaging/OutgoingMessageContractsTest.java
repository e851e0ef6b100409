package dev.ftgo.kitchen.ticket.messaging;

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
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.ftgo.kitchen.restaurant.RestaurantEvent;
import dev.ftgo.kitchen.ticket.CreateTicketRefused;
import dev.ftgo.kitchen.ticket.TicketAccepted;
import dev.ftgo.kitchen.ticket.TicketCancellationRefused;
import dev.ftgo.kitchen.ticket.TicketCancelled;
import dev.ftgo.kitchen.ticket.TicketCreated;
import dev.ftgo.kitchen.ticket.TicketEvent;
import dev.ftgo.kitchen.ticket.TicketPickedUp;
import dev.ftgo.kitchen.ticket.TicketPreparationStarted;
import dev.ftgo.kitchen.ticket.TicketReadyForPickup;
import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageContracts;
import dev.ftgo.messaging.MessageHeaders;
import dev.ftgo.messaging.OutboxWriter;
import dev.ftgo.messaging.ReceivedMessage;

import tools.jackson.databind.json.JsonMapper;

/**
 * Producer side: every ticket event and every reply, as the outbox adapters send them, follows the schema
 * kitchen-service publishes in src/main/resources/contracts/messages, and every schema there is one of a type
 * it sends (restaurant events: OutgoingRestaurantMessageContractsTest). The services' tests also check each
 * message they make the service send (ftgo.messaging.validate-outgoing); this covers every type without a database.
 */
class OutgoingMessageContractsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Path SCHEMAS = Path.of("src/main/resources/contracts/messages");
	private static final UUID TICKET = UUID.randomUUID();
	private static final UUID ORDER = UUID.randomUUID();

	private final MessageContracts contracts = MessageContracts.onClasspath();
	private final List<Message> sent = new ArrayList<>();
	// the real outbox adapters, with a writer that only records: no database here
	private final OutboxWriter recording = new OutboxWriter(new SimpleDriverDataSource(), JSON) {
		@Override
		public void send(Message message) {
			sent.add(message);
		}
	};

	@Test
	void everyTicketEventFollowsItsSchema() {
		var messages = new OutboxTicketMessages(recording);
		List<TicketEvent> all = List.of(new TicketAccepted(TICKET, ORDER, Instant.parse("2026-01-15T12:40:00Z")),
				new TicketPreparationStarted(TICKET, ORDER), new TicketReadyForPickup(TICKET, ORDER),
				new TicketPickedUp(TICKET, ORDER), new TicketCancelled(TICKET, ORDER));

		messages.send(all);

		assertThat(sent).extracting(Message::type).containsExactlyInAnyOrderElementsOf(names(TicketEvent.class.getPermittedSubclasses()));
		assertFollowTheirSchemas();
	}

	@Test
	void everyReplyFollowsItsSchema() {
		var replies = new Replies(recording);
		var request = new ReceivedMessage(UUID.randomUUID(), "CreateTicket", "kitchen.commands", ORDER.toString(), 0, 0,
				MessageHeaders.NONE.withReplyTo("order.replies"));

		for (Object reply : replies()) {
			replies.send(request, ORDER, reply);
		}

		assertThat(sent).hasSize(replies().size());
		assertFollowTheirSchemas();
	}

	@Test
	void everySchemaIsOneOfATypeItSends() throws IOException {
		var types = new ArrayList<String>();
		types.addAll(names(TicketEvent.class.getPermittedSubclasses()));
		types.addAll(names(RestaurantEvent.class.getPermittedSubclasses()));
		replies().stream().map(reply -> reply.getClass().getSimpleName()).filter(type -> !types.contains(type)).forEach(types::add);
		try (Stream<Path> files = Files.list(SCHEMAS)) {
			assertThat(files.map(file -> file.getFileName().toString().replace(".schema.json", "")))
					.containsExactlyInAnyOrderElementsOf(types);
		}
	}

	private static List<Object> replies() {
		return List.of(new TicketCreated(ORDER, TICKET), new CreateTicketRefused(ORDER, "Restaurant is closed"),
				new CreateTicketRefused(ORDER, null), new TicketCancelled(TICKET, ORDER),
				new TicketCancellationRefused(ORDER, TICKET, "Ticket is already being prepared"),
				new TicketCancellationRefused(ORDER, null, "No ticket for the order"));
	}

	private void assertFollowTheirSchemas() {
		assertThat(sent).allSatisfy(message -> assertThatCode(() -> contracts.check(message, JSON.valueToTree(message.payload())))
				.as(message.type()).doesNotThrowAnyException());
	}

	private static List<String> names(Class<?>[] classes) {
		return Stream.of(classes).map(Class::getSimpleName).toList();
	}
}
