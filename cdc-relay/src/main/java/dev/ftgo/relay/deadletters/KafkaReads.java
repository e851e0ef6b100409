package dev.ftgo.relay.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads ranges of a topic with a consumer of its own per request: no group, nothing committed, so reading never
 * disturbs the services' consumer groups, and any relay instance answers the same.
 */
final class KafkaReads {

	/** How long one poll waits; the request's own deadline bounds the loop. */
	private static final Duration POLL = Duration.ofMillis(200);

	private final Map<String, Object> config = new HashMap<>();
	private final Duration timeout;

	KafkaReads(String bootstrapServers, Duration timeout) {
		this.timeout = timeout;
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "cdc-relay-dead-letters");
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// a dead letter whose transaction was aborted was never parked
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
		config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
	}

	/** The newest {@code perPartition} records of each partition of {@code topic}; none for a topic not created yet. */
	List<ConsumerRecord<byte[], byte[]>> newest(String topic, int perPartition) {
		return read(consumer -> {
			var partitions = partitions(consumer, topic);
			var ends = consumer.endOffsets(partitions);
			var begins = consumer.beginningOffsets(partitions);
			Map<TopicPartition, Long> from = new HashMap<>();
			partitions.forEach(partition -> from.put(partition, Math.max(begins.get(partition), ends.get(partition) - perPartition)));
			return range(consumer, from, ends);
		});
	}

	/** Every record of the topic, from each partition's beginning. */
	List<ConsumerRecord<byte[], byte[]>> all(String topic) {
		return read(consumer -> {
			var partitions = partitions(consumer, topic);
			return range(consumer, consumer.beginningOffsets(partitions), consumer.endOffsets(partitions));
		});
	}

	/** The record at this partition and offset, if the topic has it. */
	Optional<ConsumerRecord<byte[], byte[]>> at(DeadLetterId id) {
		return read(consumer -> {
			var partition = new TopicPartition(id.topic(), id.partition());
			if (!partitions(consumer, id.topic()).contains(partition)) {
				return Optional.empty();
			}
			long begin = consumer.beginningOffsets(List.of(partition)).get(partition);
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			if (id.offset() < begin || id.offset() >= end) {
				return Optional.empty();
			}
			// the offset of a transaction marker holds no record: the next record read is then another one
			return range(consumer, Map.of(partition, id.offset()), Map.of(partition, id.offset() + 1)).stream()
				.filter(record -> record.offset() == id.offset()).findFirst();
		});
	}

	private <T> T read(Function<Consumer<byte[], byte[]>, T> reading) {
		try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			return reading.apply(consumer);
		}
		catch (KafkaException e) {
			throw new DeadLettersUnavailableException("Kafka did not answer: " + e.getMessage(), e);
		}
	}

	private List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer, String topic) {
		return consumer.listTopics(timeout).getOrDefault(topic, List.of()).stream()
			.map(info -> new TopicPartition(topic, info.partition())).toList();
	}

	/** The records from {@code from} (inclusive) to {@code to} (exclusive) of each partition. */
	private List<ConsumerRecord<byte[], byte[]>> range(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> from,
			Map<TopicPartition, Long> to) {
		var wanted = from.keySet().stream().filter(partition -> from.get(partition) < to.get(partition)).toList();
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		if (wanted.isEmpty()) {
			return records;
		}
		consumer.assign(wanted);
		wanted.forEach(partition -> consumer.seek(partition, from.get(partition)));
		long deadline = System.nanoTime() + timeout.toNanos();
		while (wanted.stream().anyMatch(partition -> consumer.position(partition) < to.get(partition))) {
			if (System.nanoTime() > deadline) {
				throw new DeadLettersUnavailableException("Kafka did not deliver " + wanted + " within " + timeout, null);
			}
			consumer.poll(POLL).forEach(record -> {
				if (record.offset() < to.get(new TopicPartition(record.topic(), record.partition()))) {
					records.add(record);
				}
			});
		}
		return records;
	}
}
