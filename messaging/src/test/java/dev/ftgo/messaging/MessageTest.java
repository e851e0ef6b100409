package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageTest {

	@Test
	void hasNoOptionalHeadersUnlessGiven() {
		var message = Message.of("order.events", "order-1", "OrderCreated", Map.of());

		assertThat(message.id()).isNotNull();
		assertThat(message.headers()).isEqualTo(MessageHeaders.NONE);
		assertThat(message.withHeaders(null).headers()).isEqualTo(MessageHeaders.NONE);
	}

	@Test
	void keepsItsIdWhenHeadersAreAdded() {
		var message = Message.of("kitchen.commands", "order-1", "CreateTicket", Map.of());

		var withReply = message.withHeaders(MessageHeaders.NONE.withReplyTo("order.replies").withCorrelationId("c"));

		assertThat(withReply.id()).isEqualTo(message.id());
		assertThat(withReply.headers()).isEqualTo(new MessageHeaders("c", "order.replies", null, null));
	}

	@Test
	void rejectsWhatTheOutboxCouldNotRoute() {
		assertThatThrownBy(() -> Message.of(" ", "k", "T", Map.of())).hasMessageContaining("destination");
		assertThatThrownBy(() -> Message.of("t".repeat(250), "k", "T", Map.of())).hasMessageContaining("249");
		assertThatThrownBy(() -> Message.of("t", "", "T", Map.of())).hasMessageContaining("key");
		assertThatThrownBy(() -> Message.of("t", "k", null, Map.of())).hasMessageContaining("type");
		assertThatThrownBy(() -> Message.of("t", "k", "T", null)).hasMessageContaining("payload");
	}
}
