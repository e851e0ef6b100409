package dev.ftgo.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A record put on the test broker exactly as cdc-relay publishes one: key = aggregate id, value = the JSON
 * payload's UTF-8 bytes, headers {@code id}, {@code type}, {@code correlationId}, {@code replyTo},
 * {@code schemaVersion} as UTF-8 strings.
 */
public final class RelayedRecord {

	private static KafkaProducer<String, byte[]> producer;

	private final String topic;
	private final String key;
	private final String json;
	private final Map<String, String> headers = new LinkedHashMap<>();

	private RelayedRecord(String topic, String key, String type, String json) {
		this.topic = topic;
		this.key = key;
		this.json = json;
		headers.put("id", UUID.randomUUID().toString());
		headers.put("type", type);
		headers.put("correlationId", UUID.randomUUID().toString());
		headers.put("schemaVersion", "1");
	}

	public static RelayedRecord of(String topic, Object key, String type, String json) {
		return new RelayedRecord(topic, key.toString(), type, json);
	}

	public RelayedRecord replyTo(String topic) {
		headers.put("replyTo", topic);
		return this;
	}

	/** Puts the record in a trace, as a traced sender does. */
	public RelayedRecord traceparent(String traceparent) {
		headers.put("traceparent", traceparent);
		return this;
	}

	public UUID id() {
		return UUID.fromString(headers.get("id"));
	}

	/** Sends the record and waits until the broker has it; sending one record twice is a redelivery. */
	public RelayedRecord send() {
		var record = new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8));
		headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
		try {
			producer().send(record).get(30, TimeUnit.SECONDS);
		}
		catch (Exception e) {
			throw new IllegalStateException("Could not send the test record to " + topic, e);
		}
		return this;
	}

	private static synchronized KafkaProducer<String, byte[]> producer() {
		if (producer == null) {
			producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
					new StringSerializer(), new ByteArraySerializer());
			Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "close-test-producer"));
		}
		return producer;
	}
}
