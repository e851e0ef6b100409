package dev.ftgo.order;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.ftgo.testsupport.TestKafka;

/**
 * Stands in for cdc-relay and the other services: publishes records to the test broker exactly as the relay
 * does (key = aggregate id, value = the JSON payload as UTF-8 bytes, headers {@code id}, {@code type},
 * {@code schemaVersion} and, where given, {@code correlationId}/{@code replyTo}/{@code traceparent}), and reads dead-letter
 * topics.
 */
public final class Relay {

	private static KafkaProducer<String, byte[]> producer;

	private Relay() {
	}

	/** Publishes a new message; returns its id. */
	public static UUID publish(String topic, String key, String type, String json) {
		return publish(topic, key, UUID.randomUUID(), type, json);
	}

	/** Publishes a message with the given id, e.g. a second copy of one already published. */
	public static UUID publish(String topic, String key, UUID id, String type, String json) {
		return publish(topic, key, id, type, json, null);
	}

	/** Publishes a reply: its {@code correlationId} is the id of the message it answers. */
	public static UUID publishReply(String topic, String key, String type, String json, String correlationId) {
		return publish(topic, key, UUID.randomUUID(), type, json, correlationId);
	}

	/** Publishes a reply in the trace {@code traceparent} (W3C) belongs to. */
	public static UUID publishReply(String topic, String key, String type, String json, String correlationId,
			String traceparent) {
		return publish(topic, key, UUID.randomUUID(), type, json, correlationId, traceparent);
	}

	private static UUID publish(String topic, String key, UUID id, String type, String json, String correlationId) {
		return publish(topic, key, id, type, json, correlationId, null);
	}

	private static UUID publish(String topic, String key, UUID id, String type, String json, String correlationId,
			String traceparent) {
		var record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
		header(record, "id", id.toString());
		header(record, "type", type);
		header(record, "schemaVersion", "1");
		if (correlationId != null) {
			header(record, "correlationId", correlationId);
		}
		if (traceparent != null) {
			header(record, "traceparent", traceparent);
		}
		try {
			producer().send(record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("Could not publish " + type + " to " + topic, e);
		}
		return id;
	}

	/** Every record on {@code topic}, read from the beginning to its current end. */
	public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
		return TestKafka.readToEnd(topic, Duration.ofSeconds(60));
	}

	public static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	private static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
					new StringSerializer(), new ByteArraySerializer());
			Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(Duration.ofSeconds(1)), "close-test-relay"));
		}
		return producer;
	}
}
