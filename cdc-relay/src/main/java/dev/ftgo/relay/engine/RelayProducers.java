package dev.ftgo.relay.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import dev.ftgo.relay.RelaySettings;

/**
 * Creates the producer of one engine run. A fresh producer per run means a failed run leaves nothing behind
 * for the next: no half-sent batch, no poisoned idempotence state.
 */
final class RelayProducers {

	private final RelaySettings.Kafka kafka;

	RelayProducers(RelaySettings.Kafka kafka) {
		this.kafka = kafka;
	}

	Producer<byte[], byte[]> create(String source) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "cdc-relay-" + source);
		// every in-sync replica has the record before the offset moves; retries cannot duplicate or reorder
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
		int linger = (int) kafka.linger().toMillis();
		config.put(ProducerConfig.LINGER_MS_CONFIG, linger);
		int deliveryTimeout = (int) kafka.deliveryTimeout().toMillis();
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
		// Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1, Math.min(deliveryTimeout - linger, 10_000)));
		// send() blocks for metadata while Kafka is down; it must not outwait the delivery timeout
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeout);
		config.putAll(kafka.producer());
		return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

	/** How long a batch may wait for its acknowledgements: the producer gives up before that. */
	Duration ackTimeout() {
		return kafka.deliveryTimeout().multipliedBy(2);
	}
}
