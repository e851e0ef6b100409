package dev.ftgo.consumer.consumer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ftgo.consumer.consumer.NotifyConsumer;
import dev.ftgo.messaging.ConsumerContract;
import dev.ftgo.messaging.MessageContracts;

import tools.jackson.databind.JsonNode;

/**
 * Consumer side of order-service's consumer.commands contract: consumer-service reads every example order-service
 * documents for NotifyConsumer, as its subscription reads them (no broker, no context).
 */
class ConsumerCommandsContractTest {

	private static final Path ORDER_SERVICE = Path.of("../order-service/src/main/resources/contracts/messages");

	private final ConsumerContract commands = ConsumerContract.of(new ConsumerCommandHandlers(null).consumerCommands());
	private final List<JsonNode> examples = MessageContracts.examples(ORDER_SERVICE.resolve("NotifyConsumer.schema.json"));

	@Test
	void readsEveryNotifyConsumerAsOrderServiceSendsIt() {
		assertThat(commands.misreadExamples("NotifyConsumer", ORDER_SERVICE)).isEmpty();
	}

	@Test
	void readsTheCompleteCommand() {
		var complete = examples.get(0);

		var command = (NotifyConsumer) commands.read("NotifyConsumer", complete);

		assertThat(command).isEqualTo(new NotifyConsumer(UUID.fromString(complete.get("consumerId").asString()),
				UUID.fromString(complete.get("orderId").asString()), complete.get("subject").asString(),
				complete.get("message").asString()));
	}

	@Test
	void aNotificationAboutNoParticularOrderHasNoOrderId() {
		var command = (NotifyConsumer) commands.read("NotifyConsumer", examples.get(2));

		assertThat(command.orderId()).isNull();
		assertThat(command.subject()).isNotBlank();
	}
}
