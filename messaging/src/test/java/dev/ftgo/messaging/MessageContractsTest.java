package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Producer-side validation against the test schemas in src/test/resources/contracts/messages. */
class MessageContractsTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String THING = "2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61";

	private final MessageContracts contracts = MessageContracts.onClasspath();

	@Test
	void acceptsAPayloadThatFollowsItsSchemaWithFieldsTheSchemaDoesNotName() {
		assertThatCode(() -> contracts.check(thing("1"), payload(Map.of("thingId", THING, "count", 2, "extra", true))))
				.doesNotThrowAnyException();
	}

	@Test
	void refusesAViolationNamingTheTypeTheSchemaAndEachViolation() {
		assertThatThrownBy(() -> contracts.check(thing("1"), payload(Map.of("thingId", "not-a-uuid", "count", 0))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("ThingHappened")
				.hasMessageContaining("classpath:contracts/messages/ThingHappened.schema.json")
				.hasMessageContaining("/thingId")
				.hasMessageContaining("/count");
	}

	@Test
	void assertsFormatsNotOnlyTypes() {
		assertThatThrownBy(() -> contracts.check(thing("1"), payload(Map.of("thingId", THING, "count", 1, "at", "yesterday"))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("/at");
	}

	@Test
	void refusesAMissingRequiredField() {
		assertThatThrownBy(() -> contracts.check(thing("1"), payload(Map.of("count", 1))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("thingId");
	}

	@Test
	void picksTheSchemaOfTheMajorVersionTheMessageNames() {
		var v2 = payload(Map.of("thingId", THING, "names", List.of("a")));

		assertThatCode(() -> contracts.check(thing("2"), v2)).doesNotThrowAnyException();
		assertThatThrownBy(() -> contracts.check(thing("1"), v2)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("count");
		assertThat(MessageContracts.resourceName("ThingHappened", "2"))
				.isEqualTo("contracts/messages/ThingHappened.v2.schema.json");
	}

	@Test
	void refusesATypeWithoutSchema() {
		var message = Message.of("thing.events", THING, "ThingVanished", Map.of())
				.withHeaders(MessageHeaders.NONE.withSchemaVersion("1"));

		assertThatThrownBy(() -> contracts.check(message, payload(Map.of())))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("No schema classpath:contracts/messages/ThingVanished.schema.json");
	}

	@Test
	void refusesAMessageThatNamesNoOrNoNumericSchemaVersion() {
		var valid = payload(Map.of("thingId", THING, "count", 1));

		assertThatThrownBy(() -> contracts.check(thing(null), valid)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("no schemaVersion header");
		assertThatThrownBy(() -> contracts.check(thing("1.1"), valid)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("MAJOR version");
	}

	@Test
	void theOutboxWriterChecksBeforeItWrites() {
		var writer = new OutboxWriter(new SimpleDriverDataSource(), JSON, TraceparentSource.NONE, contracts);
		var invalid = Message.of("thing.events", THING, "ThingHappened", Map.of("thingId", THING))
				.withHeaders(MessageHeaders.NONE.withSchemaVersion("1"));
		var valid = Message.of("thing.events", THING, "ThingHappened", Map.of("thingId", THING, "count", 1))
				.withHeaders(MessageHeaders.NONE.withSchemaVersion("1"));

		assertThatThrownBy(() -> writer.send(invalid)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("ThingHappened");
		// past the check, the writer goes on to the database, which this test does not have
		assertThatThrownBy(() -> writer.send(valid)).isInstanceOf(CannotGetJdbcConnectionException.class);
	}

	@Test
	void isSwitchedOnByAProperty() {
		var context = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class))
				.withBean(DataSource.class, SimpleDriverDataSource::new);

		context.run(off -> assertThat(off).hasSingleBean(OutboxWriter.class).doesNotHaveBean(MessageContracts.class));
		context.withPropertyValues("ftgo.messaging.validate-outgoing=true").run(on -> {
			assertThat(on).hasSingleBean(MessageContracts.class);
			var invalid = Message.of("thing.events", THING, "ThingHappened", Map.of())
					.withHeaders(MessageHeaders.NONE.withSchemaVersion("1"));
			assertThatThrownBy(() -> on.getBean(OutboxWriter.class).send(invalid))
					.isInstanceOf(IllegalArgumentException.class);
		});
	}

	private static Message thing(String schemaVersion) {
		return Message.of("thing.events", THING, "ThingHappened", Map.of())
				.withHeaders(MessageHeaders.NONE.withSchemaVersion(schemaVersion));
	}

	private static JsonNode payload(Object value) {
		return JSON.valueToTree(value);
	}
}
