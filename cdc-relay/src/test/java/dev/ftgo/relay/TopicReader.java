package dev.ftgo.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.ftgo.testsupport.TestKafka;

/** Reads topics from their beginning with a fresh consumer group, as a new subscriber would. */
final class TopicReader {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private TopicReader() {
	}

	/** Everything on the topics now: reads until two polls come back empty. */
	static List<ConsumerRecord<String, String>> readAll(Collection<String> topics) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (var consumer = consumer()) {
			consumer.subscribe(topics);
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			int emptyPolls = 0;
			while (emptyPolls < 2) {
				assertThat(System.nanoTime()).as("reading %s to the end", topics).isLessThan(deadline);
				var polled = consumer.poll(Duration.ofMillis(500));
				polled.forEach(records::add);
				emptyPolls = polled.isEmpty() && !consumer.assignment().isEmpty() ? emptyPolls + 1 : 0;
			}
		}
		return records;
	}

	/** Reads the topic until every message is there; returns their records, duplicates included. */
	static List<ConsumerRecord<String, String>> awaitPublished(String topic, Collection<UUID> ids) {
		Set<UUID> expected = Set.copyOf(ids);
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
			found.clear();
			readAll(List.of(topic)).stream().filter(record -> expected.contains(id(record))).forEach(found::add);
			return found.stream().map(TopicReader::id).collect(Collectors.toSet()).containsAll(expected);
		});
		return found;
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	static UUID id(ConsumerRecord<String, String> record) {
		String id = header(record, "id");
		return id == null ? null : UUID.fromString(id);
	}

	private static KafkaConsumer<String, String> consumer() {
		return new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.broker().bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "relay-it-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
	}
}
