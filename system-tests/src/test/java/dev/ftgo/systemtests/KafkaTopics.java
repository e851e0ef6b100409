package dev.ftgo.systemtests;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Direct reads of the broker, the way an engineer checks a topic with their own tools. */
final class KafkaTopics {

	record Record(String key, String value, Map<String, String> headers) {
	}

	private final String bootstrapServers;

	KafkaTopics(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	private interface AdminCall<T> {
		T on(Admin admin) throws InterruptedException, ExecutionException;
	}

	/**
	 * Runs {@code call} on an admin client of its own. A long-lived one was seen stuck for over a minute after a
	 * broker of the cluster was killed ("Timed out waiting for a node assignment"), while the cluster had elected
	 * new leaders within seconds and every service's client carried on; a new one bootstraps from the live brokers.
	 */
	private <T> T withAdmin(AdminCall<T> call) throws InterruptedException, ExecutionException {
		try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			return call.on(admin);
		}
	}

	/** The sum of the end offsets of the topic's partitions: how many records it ever received. */
	long endOffset(String topic) {
		return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
	}

	/** How many records all dead-letter topics ({@code *-dlt}) ever received. */
	long deadLettered() {
		try {
			return withAdmin(admin -> admin.listTopics().names().get()).stream().filter(topic -> topic.endsWith("-dlt"))
					.mapToLong(this::endOffset).sum();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Sends {@code record} again, byte for byte: key, value and every header. */
	void publish(String topic, Record record) {
		var properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
			var copy = new ProducerRecord<>(topic, record.key(), record.value());
			record.headers().forEach((name, value) -> copy.headers().add(name,
					value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
			producer.send(copy).get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether the consumer group has committed every record of the topic. */
	boolean caughtUp(String group, String topic) {
		try {
			var committed = withAdmin(admin -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get());
			for (var end : endOffsets(topic).entrySet()) {
				var position = committed.get(end.getKey());
				if (end.getValue() > 0 && (position == null || position.offset() < end.getValue())) {
					return false;
				}
			}
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Every record currently on the topic, read by a throw-away consumer group. */
	List<Record> readAll(String topic) {
		var properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		var ends = endOffsets(topic);
		var records = new ArrayList<Record>();
		try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
			consumer.assign(ends.keySet());
			consumer.seekToBeginning(ends.keySet());
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (ends.keySet().stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read " + topic + " to its end in 30 s");
				}
				for (var record : consumer.poll(Duration.ofMillis(200))) {
					var headers = new HashMap<String, String>();
					record.headers().forEach(header -> headers.put(header.key(),
							header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8)));
					records.add(new Record(record.key(), record.value(), headers));
				}
			}
		}
		return records;
	}

	private Map<TopicPartition, Long> endOffsets(String topic) {
		try {
			return withAdmin(admin -> {
				var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
				var request = new HashMap<TopicPartition, OffsetSpec>();
				partitions.forEach(partition -> request.put(new TopicPartition(topic, partition.partition()),
						OffsetSpec.latest()));
				var result = new HashMap<TopicPartition, Long>();
				admin.listOffsets(request).all().get().forEach((partition, info) -> result.put(partition, info.offset()));
				return result;
			});
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e);
		}
	}
}
