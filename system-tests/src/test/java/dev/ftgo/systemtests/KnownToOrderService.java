package dev.ftgo.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * New consumers and restaurants that order-service's replica already holds, their event consumed from Kafka: an
 * order for them is validated and priced without a call to consumer-service or the kitchen, and what the kitchen
 * changes about the restaurant afterwards reaches order-service only through the relay. Each waits at most
 * {@code patience} for order-service to catch up.
 */
record KnownToOrderService(Fixtures fixtures, KafkaTopics kafka, Duration patience) {

	private static final Duration POLL = Duration.ofMillis(250);

	String consumer(String orderLimit) {
		return created("consumer.events", () -> fixtures.consumer(orderLimit));
	}

	String restaurant() {
		return created("restaurant.events", fixtures::restaurant);
	}

	/** Creates it, then waits until its event is on {@code topic} and order-service has consumed every record there. */
	private String created(String topic, Supplier<String> create) {
		long before = kafka.endOffset(topic);
		var id = create.get();
		await().atMost(patience).pollInterval(POLL)
			.until(() -> kafka.endOffset(topic) > before && kafka.caughtUp("order-service", topic));
		return id;
	}
}
