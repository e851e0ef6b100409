package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConsumerContractTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	record Shipped(UUID parcelId, int count, Instant at, List<Line> lines) {
	}

	record Line(String sku, String label) {
	}

	/** A consumer that got a field name wrong: it reads "when" where the producer sends "at". */
	record Misnamed(UUID parcelId, Instant when) {
	}

	private final ConsumerContract contract = ConsumerContract.of(MessageSubscription.to("parcel.events")
			.on("ParcelShipped", Shipped.class, (payload, message) -> { })
			.on("ParcelMisnamed", Misnamed.class, (payload, message) -> { }));

	@Test
	void readsAPayloadAsTheSubscriptionDoesAndFindsNoDifference() {
		var sent = json("""
				{"parcelId": "2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61", "count": 2, "at": "2026-01-15T12:40:00Z",
				 "lines": [{"sku": "a", "label": "A", "colour": "red"}], "newer": true}""");

		var read = contract.read("ParcelShipped", sent);

		assertThat(read).isEqualTo(new Shipped(UUID.fromString("2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61"), 2,
				Instant.parse("2026-01-15T12:40:00Z"), List.of(new Line("a", "A"))));
		assertThat(contract.misread(read, sent)).isEmpty();
	}

	@Test
	void fieldsThatWereNotSentMustBeDefaults() {
		var sent = json("{\"parcelId\": \"2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61\"}");

		assertThat(contract.misread(contract.read("ParcelShipped", sent), sent)).isEmpty();
		assertThat(contract.misread(new Shipped(null, 3, null, null), sent))
				.containsExactly("/parcelId: sent \"2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61\", read as null",
						"/count: not sent, but read as 3");
	}

	@Test
	void reportsAValueReadDifferentlyFromWhatWasSent() {
		var sent = json("{\"parcelId\": \"2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61\", \"count\": 2, \"lines\": [{\"sku\": \"a\"}]}");
		var read = new Shipped(UUID.fromString("2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61"), 3, null, List.of(new Line("b", null)));

		assertThat(contract.misread(read, sent)).containsExactly("/count: sent 2, read as 3", "/lines/0/sku: sent \"a\", read as \"b\"");
	}

	@Test
	void aMisnamedFieldIsReadAsNothing() {
		var sent = json("{\"parcelId\": \"2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61\", \"at\": \"2026-01-15T12:40:00Z\"}");

		// what a contract test then catches by asserting the value it expects
		assertThat(((Misnamed) contract.read("ParcelMisnamed", sent)).when()).isNull();
	}

	@Test
	void refusesATypeTheSubscriptionIgnores() {
		assertThatThrownBy(() -> contract.read("ParcelLost", json("{}"))).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("parcel.events has no handler for ParcelLost");
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	@Test
	void readsEveryDocumentedExampleAndTheExtendedOneLikeTheComplete(@TempDir Path contracts) throws IOException {
		Files.writeString(contracts.resolve("ParcelShipped.schema.json"), """
				{"type": "object", "examples": [
				  {"parcelId": "2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61", "count": 2},
				  {"parcelId": "2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61", "count": 2, "newer": true},
				  {"parcelId": "2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61"}]}""");

		assertThat(contract.misreadExamples("ParcelShipped", contracts)).isEmpty();
	}

	@Test
	void namesTheExampleItMisreadsAndAnExtendedExampleThatReadsOtherwise(@TempDir Path contracts) throws IOException {
		Files.writeString(contracts.resolve("ParcelShipped.schema.json"), """
				{"type": "object", "examples": [
				  {"parcelId": "2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61", "count": 2.5},
				  {"parcelId": "2f0c8a57-6a5e-4a8f-9c1e-3b7d2e4f5a61", "count": 3, "newer": true}]}""");

		assertThat(contract.misreadExamples("ParcelShipped", contracts)).containsExactly(
				"ParcelShipped example 0: /count: sent 2.5, read as 2",
				"ParcelShipped example 1 reads otherwise than example 0: its unknown field changed something");
	}

}
