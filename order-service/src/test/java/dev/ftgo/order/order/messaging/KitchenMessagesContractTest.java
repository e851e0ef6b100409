package dev.ftgo.order.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.messaging.ConsumerContract;
import dev.ftgo.messaging.MessageContracts;
import dev.ftgo.order.order.KitchenReply;
import dev.ftgo.order.order.TicketEvent;

import tools.jackson.databind.JsonNode;

/**
 * Consumer side of kitchen-service's contracts: order-service reads every example kitchen-service documents for
 * the types it handles on order.replies and ticket.events, as its subscriptions read them (no broker, no context).
 */
class KitchenMessagesContractTest {

	private static final Path KITCHEN = Path.of("../kitchen-service/src/main/resources/contracts/messages");

	private final ConsumerContract replies = ConsumerContract.of(new KitchenSubscriptions().orderReplies(null));
	private final ConsumerContract ticketEvents = ConsumerContract.of(new KitchenSubscriptions().ticketEvents(null));

	@ParameterizedTest
	@ValueSource(strings = { "TicketCreated", "CreateTicketRefused", "TicketCancelled", "TicketCancellationRefused" })
	void readsEveryReplyAsTheKitchenSendsIt(String type) {
		assertThat(replies.misreadExamples(type, KITCHEN)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "TicketAccepted", "TicketPreparationStarted", "TicketReadyForPickup", "TicketPickedUp" })
	void readsEveryTicketEventAsTheKitchenSendsIt(String type) {
		assertThat(ticketEvents.misreadExamples(type, KITCHEN)).isEmpty();
	}

	@Test
	void readsTheIdsOfATicketCreated() {
		var complete = examples("TicketCreated").get(0);

		var reply = (KitchenReply.TicketCreated) replies.read("TicketCreated", complete);

		assertThat(reply.orderId()).isEqualTo(uuid(complete, "orderId"));
		assertThat(reply.ticketId()).isEqualTo(uuid(complete, "ticketId"));
	}

	@Test
	void aRefusalWithoutReasonHasNone() {
		var reply = (KitchenReply.CreateTicketRefused) replies.read("CreateTicketRefused", examples("CreateTicketRefused").get(2));

		assertThat(reply.reason()).isNull();
	}

	@Test
	void aCancellationRefusalMayNameNoTicketAndNoReason() {
		var minimal = examples("TicketCancellationRefused").get(2);

		var reply = (KitchenReply.TicketCancellationRefused) replies.read("TicketCancellationRefused", minimal);

		assertThat(reply.orderId()).isEqualTo(uuid(minimal, "orderId"));
		assertThat(reply.ticketId()).isNull();
		assertThat(reply.reason()).isNull();
	}

	@Test
	void readsTheReadyByOfAnAcceptedTicketAndGoesWithoutIt() {
		var examples = examples("TicketAccepted");

		var accepted = (TicketEvent) ticketEvents.read("TicketAccepted", examples.get(0));
		var withoutReadyBy = (TicketEvent) ticketEvents.read("TicketAccepted", examples.get(2));

		assertThat(accepted.readyBy()).isEqualTo(Instant.parse(examples.get(0).get("readyBy").asString()));
		assertThat(withoutReadyBy.readyBy()).isNull();
	}

	@Test
	void ignoresTicketCancelledOnTicketEventsBecauseTheReplyConfirmsIt() {
		assertThat(new KitchenSubscriptions().ticketEvents(null).payloadType("TicketCancelled")).isEmpty();
	}

	private static List<JsonNode> examples(String type) {
		return MessageContracts.examples(KITCHEN.resolve(type + ".schema.json"));
	}

	private static UUID uuid(JsonNode example, String field) {
		return UUID.fromString(example.get(field).asString());
	}
}
