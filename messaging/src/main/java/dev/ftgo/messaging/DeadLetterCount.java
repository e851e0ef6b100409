package dev.ftgo.messaging;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code ftgo.messaging.dead.letters{topic, subscriber}}: the records this service parked on a dead-letter topic,
 * per topic they came from. Registered at zero for every subscribed topic when the service starts, so that an
 * alert on its increase sees the first dead letter too (a series that appears at 1 shows no increase).
 */
final class DeadLetterCount {

	private final MeterRegistry meters;
	private final String subscriber;
	private final Map<String, Counter> perTopic = new ConcurrentHashMap<>();

	DeadLetterCount(MeterRegistry meters, String subscriber, Collection<String> topics) {
		this.meters = meters;
		this.subscriber = subscriber;
		topics.forEach(this::counter);
	}

	void parked(String topic) {
		counter(topic).increment();
	}

	private Counter counter(String topic) {
		return perTopic.computeIfAbsent(topic, name -> Counter.builder("ftgo.messaging.dead.letters")
			.description("Records this service parked on the dead-letter topic after their retries, per topic they came from")
			.tag("topic", name)
			.tag("subscriber", subscriber)
			.register(meters));
	}
}
