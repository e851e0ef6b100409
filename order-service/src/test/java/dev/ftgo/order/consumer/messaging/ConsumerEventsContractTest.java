package dev.ftgo.order.consumer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.messaging.ConsumerContract;
import dev.ftgo.messaging.MessageContracts;
import dev.ftgo.order.consumer.messaging.ConsumerReplicaFeed.ConsumerChanged;

/**
 * Consumer side of consumer-service's consumer.events contract: the replica feed reads every documented example
 * of every type, as its subscription reads them.
 */
class ConsumerEventsContractTest {

	private static final Path CONSUMER_SERVICE = Path.of("../consumer-service/src/main/resources/contracts/messages");

	private final ConsumerContract feed = ConsumerContract.of(new ConsumerReplicaFeed().consumerEvents(null));

	@ParameterizedTest
	@ValueSource(strings = { "ConsumerRegistered", "ConsumerSuspended", "ConsumerReactivated" })
	void readsEverySnapshotAsConsumerServiceSendsIt(String type) {
		assertThat(feed.misreadExamples(type, CONSUMER_SERVICE)).isEmpty();

		var examples = MessageContracts.examples(CONSUMER_SERVICE.resolve(type + ".schema.json"));
		for (int i = 0; i < examples.size(); i++) {
			var example = examples.get(i);
			var snapshot = (ConsumerChanged) feed.read(type, example);

			assertThat(snapshot.consumerId()).isEqualTo(UUID.fromString(example.get("consumerId").asString()));
			assertThat(snapshot.orderLimit().amount()).isEqualTo(example.get("orderLimit").get("amount").asString());
			assertThat(snapshot.version()).isEqualTo(example.get("version").asLong());
		}
	}
}
