package dev.ftgo.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every record that arrives on a topic from now on (all partitions assigned, no consumer group, so
 * it never joins or disturbs the services' groups) and hands each to a callback on its own thread.
 */
final class TopicTail implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;
	private final Thread thread;
	private volatile boolean running = true;

	private TopicTail(String bootstrapServers, String topic, Consumer<ConsumerRecord<String, String>> onRecord) {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.CLIENT_ID_CONFIG, "bench-" + topic,
				// records are small; fetch what is there at once rather than wait for a fuller response
				ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50), new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
				.map(info -> new TopicPartition(topic, info.partition())).toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		// position() resolves the seek now, so that nothing sent after this constructor returns is missed
		partitions.forEach(consumer::position);
		thread = new Thread(() -> {
			try {
				while (running) {
					consumer.poll(Duration.ofMillis(200)).forEach(onRecord);
				}
			}
			catch (WakeupException e) {
				// closing
			}
			finally {
				consumer.close(Duration.ofSeconds(2));
			}
		}, "bench-tail-" + topic);
		thread.setDaemon(true);
		thread.start();
	}

	/** Starts reading {@code topic} at its current end. */
	static TopicTail from(String bootstrapServers, String topic, Consumer<ConsumerRecord<String, String>> onRecord) {
		return new TopicTail(bootstrapServers, topic, onRecord);
	}

	static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	static UUID id(ConsumerRecord<?, ?> record) {
		String id = header(record, "id");
		return id == null ? null : UUID.fromString(id);
	}

	@Override
	public void close() {
		running = false;
		consumer.wakeup();
		try {
			thread.join(5000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
