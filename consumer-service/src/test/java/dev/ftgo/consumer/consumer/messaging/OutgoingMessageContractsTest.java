package dev.ftgo.consumer.consumer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.ftgo.consumer.consumer.ConsumerEvent;
import dev.ftgo.consumer.consumer.ConsumerId;
import dev.ftgo.consumer.consumer.ConsumerReactivated;
import dev.ftgo.consumer.consumer.ConsumerRegistered;
import dev.ftgo.consumer.consumer.ConsumerStatus;
import dev.ftgo.consumer.consumer.ConsumerSuspended;
import dev.ftgo.consumer.consumer.Money;
import dev.ftgo.messaging.Message;
import dev.ftgo.messaging.MessageContracts;
import dev.ftgo.messaging.OutboxWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Producer side: every consumer event, as OutboxConsumerMessages sends it, follows the schema consumer-service
 * publishes in src/main/resources/contracts/messages, and every schema there is one of a type it sends.
 */
class OutgoingMessageContractsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Path SCHEMAS = Path.of("src/main/resources/contracts/messages");

	private final MessageContracts contracts = MessageContracts.onClasspath();

	@Test
	void everyEventFollowsItsSchema() {
		assertThat(sentMessages()).hasSize(3).allSatisfy(message -> assertThatCode(
				() -> contracts.check(message, JSON.valueToTree(message.payload()))).as(message.type()).doesNotThrowAnyException());
	}

	@Test
	void everySchemaIsOneOfATypeItSends() throws IOException {
		try (Stream<Path> files = Files.list(SCHEMAS)) {
			assertThat(sentMessages().stream().map(Message::type))
					.containsExactlyInAnyOrderElementsOf(files.map(file -> file.getFileName().toString().replace(".schema.json", ""))
							.toList());
		}
	}

	private static List<Message> sentMessages() {
		var id = new ConsumerId(UUID.randomUUID());
		var limit = Money.of("500.00", "USD");
		List<ConsumerEvent> events = List.of(new ConsumerRegistered(id, ConsumerStatus.ACTIVE, limit, 0),
				new ConsumerSuspended(id, ConsumerStatus.SUSPENDED, limit, 1),
				new ConsumerReactivated(id, ConsumerStatus.ACTIVE, limit, 2));
		var sent = new ArrayList<Message>();
		// the real outbox adapter, with a writer that only records: no database here
		var outbox = new OutboxConsumerMessages(new OutboxWriter(new SimpleDriverDataSource(), JSON) {
			@Override
			public void send(Message message) {
				sent.add(message);
			}
		});
		outbox.send(events);
		return sent;
	}
}
