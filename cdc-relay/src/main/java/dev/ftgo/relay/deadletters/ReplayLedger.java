package dev.ftgo.relay.deadletters;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import tools.jackson.databind.json.JsonMapper;

/**
 * What was replayed, kept in Kafka itself: a compacted topic with one record per replayed dead letter, keyed by its
 * {@link DeadLetterId}. Every relay instance reads and writes the same topic, so a replay through one instance is
 * seen by the other, and the record outlives restarts. It is created on first use.
 */
final class ReplayLedger {

	private final String topic;
	private final String bootstrapServers;
	private final short replicationFactor;
	private final Duration timeout;
	private final KafkaReads reads;
	private final JsonMapper json;
	private volatile boolean created;

	ReplayLedger(String topic, String bootstrapServers, short replicationFactor, Duration timeout, KafkaReads reads,
			JsonMapper json) {
		this.topic = topic;
		this.bootstrapServers = bootstrapServers;
		this.replicationFactor = replicationFactor;
		this.timeout = timeout;
		this.reads = reads;
		this.json = json;
	}

	/** Every replay recorded so far, the latest per dead letter. */
	Map<DeadLetterId, Replay> replays() {
		ensureTopic();
		Map<DeadLetterId, Replay> replays = new HashMap<>();
		reads.all(topic).stream().filter(record -> record.value() != null).forEach(record -> {
			Replay replay = json.readValue(record.value(), Replay.class);
			replays.put(replay.deadLetter(), replay);
		});
		return replays;
	}

	/** Written once the copy is acknowledged: a replay that failed is not recorded, and may be asked for again. */
	void record(Producer<byte[], byte[]> producer, Replay replay) {
		ensureTopic();
		var record = new ProducerRecord<>(topic, replay.deadLetter().toString().getBytes(StandardCharsets.UTF_8),
				json.writeValueAsBytes(replay));
		Sending.await(producer.send(record), timeout, "recording the replay of " + replay.deadLetter());
	}

	private void ensureTopic() {
		if (created) {
			return;
		}
		// the admin client refuses a default API timeout shorter than its request timeout (30 s unless set)
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
			if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
				// one partition: a small topic, read whole for every listing
				var ledger = new NewTopic(topic, 1, replicationFactor)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
				admin.createTopics(List.of(ledger)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			created = true;
		}
		catch (ExecutionException e) {
			if (!(e.getCause() instanceof TopicExistsException)) {
				throw new DeadLettersUnavailableException("Could not create " + topic + ": " + e.getCause().getMessage(), e);
			}
			// another relay instance created it just now
			created = true;
		}
		catch (TimeoutException e) {
			throw new DeadLettersUnavailableException("Kafka did not answer within " + timeout, e);
		}
		catch (KafkaException e) {
			throw new DeadLettersUnavailableException("Kafka did not answer: " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeadLettersUnavailableException("Interrupted while creating " + topic, e);
		}
	}
}
