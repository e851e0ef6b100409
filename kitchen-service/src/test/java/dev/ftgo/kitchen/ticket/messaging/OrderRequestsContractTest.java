package dev.ftgo.kitchen.ticket.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.kitchen.ticket.CreateTicket;
import dev.ftgo.kitchen.ticket.OrderCancellationRequested;
import dev.ftgo.messaging.ConsumerContract;
import dev.ftgo.messaging.MessageContracts;

import tools.jackson.databind.JsonNode;

/**
 * Consumer side of order-service's contracts: kitchen-service reads every example order-service documents for
 * CreateTicket (kitchen.commands) and OrderCancellationRequested (order.events), as its subscriptions read them
 * (no broker, no context), and ignores the other order events.
 */
class OrderRequestsContractTest {

	private static final Path ORDER_SERVICE = Path.of("../order-service/src/main/resources/contracts/messages");

	private final TicketSubscriptions subscriptions = new TicketSubscriptions();
	private final OrderRequestHandlers handlers = new OrderRequestHandlers(null, null);
	private final ConsumerContract kitchenCommands = ConsumerContract.of(subscriptions.kitchenCommands(handlers));
	private final ConsumerContract orderEvents = ConsumerContract.of(subscriptions.orderEvents(handlers));

	@Test
	void readsEveryCreateTicketAsOrderServiceSendsIt() {
		assertThat(kitchenCommands.misreadExamples("CreateTicket", ORDER_SERVICE)).isEmpty();
	}

	@Test
	void readsEveryOrderCancellationRequestedAsOrderServiceSendsIt() {
		assertThat(orderEvents.misreadExamples("OrderCancellationRequested", ORDER_SERVICE)).isEmpty();
	}

	@Test
	void readsWhatACreateTicketAsksFor() {
		var complete = examples("CreateTicket").get(0);

		var command = (CreateTicket) kitchenCommands.read("CreateTicket", complete);

		assertThat(command.orderId()).isEqualTo(uuid(complete, "orderId"));
		assertThat(command.restaurantId()).isEqualTo(uuid(complete, "restaurantId"));
		assertThat(command.consumerId()).isEqualTo(uuid(complete, "consumerId"));
		var line = complete.get("lineItems").get(0);
		assertThat(command.lineItems()).containsExactly(new CreateTicket.LineItem(line.get("menuItemId").asString(),
				line.get("name").asString(), line.get("quantity").asInt()));
	}

	@Test
	void aCreateTicketWithoutItemNamesStillNamesItemAndQuantity() {
		var minimal = examples("CreateTicket").get(2);

		var command = (CreateTicket) kitchenCommands.read("CreateTicket", minimal);

		assertThat(command.consumerId()).as("optional since 1.1; older producers leave it out").isNull();
		var line = minimal.get("lineItems").get(0);
		assertThat(command.lineItems()).containsExactly(new CreateTicket.LineItem(line.get("menuItemId").asString(), null,
				line.get("quantity").asInt()));
	}

	@Test
	void aCancellationRequestWithoutTicketIdLeavesItToTheKitchenToFindTheTicket() {
		var minimal = examples("OrderCancellationRequested").get(2);

		var request = (OrderCancellationRequested) orderEvents.read("OrderCancellationRequested", minimal);

		assertThat(request.orderId()).isEqualTo(uuid(minimal, "orderId"));
		assertThat(request.ticketId()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "OrderCreated", "OrderApproved", "OrderRejected", "OrderCancelled", "OrderCancellationRejected" })
	void ignoresTheOtherOrderEvents(String type) {
		assertThat(subscriptions.orderEvents(handlers).payloadType(type)).isEmpty();
		assertThat(ORDER_SERVICE.resolve(type + ".schema.json")).as("a type order-service documents").exists();
	}

	private static List<JsonNode> examples(String type) {
		return MessageContracts.examples(ORDER_SERVICE.resolve(type + ".schema.json"));
	}

	private static UUID uuid(JsonNode example, String field) {
		return UUID.fromString(example.get(field).asString());
	}
}
