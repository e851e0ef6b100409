package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ReceivedMessageTest {

	@Test
	void readsTheEnvelopeFromTheHeaders() {
		UUID id = UUID.randomUUID();
		var record = record("id", id.toString(), "type", "TicketCreated", "correlationId", "c-1", "replyTo", "order.replies",
				"traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "schemaVersion", "2");

		var message = ReceivedMessage.from(record);

		assertThat(message.id()).isEqualTo(id);
		assertThat(message.type()).isEqualTo("TicketCreated");
		assertThat(message.key()).isEqualTo("order-1");
		assertThat(message.headers()).isEqualTo(new MessageHeaders("c-1", "order.replies",
				"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "2"));
	}

	@Test
	void optionalHeadersMayBeMissing() {
		var message = ReceivedMessage.from(record("id", UUID.randomUUID().toString(), "type", "OrderCreated"));

		assertThat(message.headers()).isEqualTo(MessageHeaders.NONE);
	}

	@Test
	void aRecordWithoutIdOrTypeIsPoison() {
		assertThatThrownBy(() -> ReceivedMessage.from(record("type", "OrderCreated")))
				.isInstanceOf(PoisonMessageException.class);
		assertThatThrownBy(() -> ReceivedMessage.from(record("id", UUID.randomUUID().toString())))
				.isInstanceOf(PoisonMessageException.class);
		assertThatThrownBy(() -> ReceivedMessage.from(record("id", "not-a-uuid", "type", "OrderCreated")))
				.isInstanceOf(PoisonMessageException.class).hasMessageContaining("not-a-uuid");
	}

	private static ConsumerRecord<String, byte[]> record(String... headerPairs) {
		var record = new ConsumerRecord<String, byte[]>("order.events", 1, 42L, "order-1", new byte[0]);
		for (int i = 0; i < headerPairs.length; i += 2) {
			record.headers().add(headerPairs[i], headerPairs[i + 1].getBytes(StandardCharsets.UTF_8));
		}
		return record;
	}
}
