package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class TolerantJsonTest {

	private final JsonMapper reader = TolerantJson.reader(JsonMapper.builder().build());

	record TicketCreated(String ticketId, int items, Money total) {
	}

	record Money(String amount, String currency) {
	}

	@Test
	void ignoresFieldsAddedByANewerProducer() {
		var ticket = reader.readValue("{\"ticketId\":\"t-1\",\"items\":2,\"kitchenNote\":\"spicy\",\"extra\":{\"a\":[1]}}",
				TicketCreated.class);

		assertThat(ticket).isEqualTo(new TicketCreated("t-1", 2, null));
	}

	@Test
	void defaultsFieldsAnOlderProducerLeavesOut() {
		var ticket = reader.readValue("{\"ticketId\":\"t-1\",\"items\":null}", TicketCreated.class);

		assertThat(ticket).isEqualTo(new TicketCreated("t-1", 0, null));
	}

	@Test
	void stillRejectsWhatIsNotJson() {
		assertThatThrownBy(() -> reader.readValue("{\"ticketId\": ", TicketCreated.class))
				.isInstanceOf(JacksonException.class);
	}
}
