package dev.ftgo.relay.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.ftgo.relay.RelaySettings;

/**
 * Creates the missing topics and dead-letter topics, retrying in the background while Kafka is unreachable.
 * The engines need not wait: a send to a missing topic fails its batch, and the engine's restart retries it.
 * An existing topic with fewer partitions is reported, not changed: adding partitions would move keys to
 * other partitions and break per-aggregate order.
 */
final class TopicInitializer implements SmartLifecycle, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);

	private final String bootstrapServers;
	private final RelaySettings.Topics topics;
	private final ExponentialBackOff backoff;
	private volatile Thread worker;
	private volatile boolean done;
	private volatile String lastError;

	TopicInitializer(String bootstrapServers, RelaySettings.Topics topics, RelaySettings.Engine engine) {
		this.bootstrapServers = bootstrapServers;
		this.topics = topics;
		// as an engine's restarts: doubling from the initial pause up to the cap
		this.backoff = new ExponentialBackOff(engine.restartInitialBackoff().toMillis(), 2.0);
		this.backoff.setMaxInterval(engine.restartMaxBackoff().toMillis());
	}

	@Override
	public void start() {
		worker = new Thread(this::createUntilDone, "topic-initializer");
		worker.setDaemon(true);
		worker.start();
	}

	private void createUntilDone() {
		BackOffExecution pauses = backoff.start();
		while (!done && !Thread.currentThread().isInterrupted()) {
			try {
				ensureTopics();
				done = true;
				lastError = null;
			}
			catch (RuntimeException e) {
				lastError = describe(e);
				Duration pause = Duration.ofMillis(pauses.nextBackOff());
				log.warn("Could not create the topics yet, retrying in {} ms: {}", pause.toMillis(), lastError);
				if (!sleep(pause)) {
					return;
				}
			}
		}
	}

	void ensureTopics() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis() / 2,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis()))) {
			List<String> wanted = topics.withDeadLetters();
			Set<String> existing = admin.listTopics().names().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			List<NewTopic> missing = wanted.stream().filter(name -> !existing.contains(name))
					.map(name -> new NewTopic(name, topics.partitions(), topics.replicationFactor()).configs(topics.configs()))
					.toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				log.info("Created topics {} with {} partitions, replication factor {}, configs {}",
						missing.stream().map(NewTopic::name).toList(), topics.partitions(), topics.replicationFactor(), topics.configs());
			}
			Map<String, TopicDescription> described = admin.describeTopics(wanted).allTopicNames()
					.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			described.values().stream().filter(topic -> topic.partitions().size() < topics.partitions()).forEach(topic ->
					log.warn("Topic {} has {} partitions, fewer than the {} configured; left as it is", topic.name(),
							topic.partitions().size(), topics.partitions()));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topics", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within " + CALL_TIMEOUT, e);
		}
	}

	private static String describe(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == error ? error.getMessage() : error.getMessage() + " (" + root.getMessage() + ")";
	}

	private boolean sleep(Duration pause) {
		try {
			TimeUnit.MILLISECONDS.sleep(pause.toMillis());
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void stop() {
		Thread running = worker;
		if (running != null) {
			running.interrupt();
		}
		worker = null;
	}

	@Override
	public boolean isRunning() {
		return worker != null;
	}

	/** Started before the engines, which publish to these topics. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
	}

	@Override
	public Health health() {
		if (done) {
			return Health.up().withDetail("topics", topics.withDeadLetters().size()).build();
		}
		Health.Builder health = Health.down().withDetail("state", "creating");
		return lastError == null ? health.build() : health.withDetail("lastError", lastError).build();
	}
}
