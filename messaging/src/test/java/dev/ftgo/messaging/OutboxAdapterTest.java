package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import tools.jackson.databind.json.JsonMapper;

class OutboxAdapterTest {

	private final List<Message> written = new ArrayList<>();
	private final OutboxWriter recording = new OutboxWriter(new SimpleDriverDataSource(), JsonMapper.builder().build()) {
		@Override
		public void send(Message message) {
			written.add(message);
		}
	};

	private final OutboxAdapter<String> adapter = new OutboxAdapter<>(recording) {
		@Override
		protected Message toMessage(String event) {
			return Message.of("thing.events", "thing-1", event, Map.of());
		}
	};

	@Test
	void writesEachMessageAsItsSubclassMapsItInTheOrderGiven() {
		adapter.send(List.of("ThingMade", "ThingSold"));

		assertThat(written).extracting(Message::type).containsExactly("ThingMade", "ThingSold");
		assertThat(written).extracting(Message::destination).containsOnly("thing.events");
	}

	@Test
	void writesNothingForNoMessages() {
		adapter.send(List.of());

		assertThat(written).isEmpty();
	}
}
