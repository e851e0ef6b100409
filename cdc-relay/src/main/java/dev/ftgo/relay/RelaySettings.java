package dev.ftgo.relay;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The relay's settings ({@code ftgo.relay.*}): which databases to tail, where to publish, which topics to
 * create and how the engines behave.
 *
 * @param postgres the server of every source that does not name its own, so that a launcher can move all
 *     sources with {@code --ftgo.relay.postgres.port=...} without repeating the list
 * @param sources one Debezium engine each
 */
@ConfigurationProperties("ftgo.relay")
public record RelaySettings(@DefaultValue Postgres postgres, List<Source> sources, @DefaultValue Kafka kafka,
		@DefaultValue Topics topics, @DefaultValue Engine engine) {

	public RelaySettings {
		sources = sources == null ? List.of() : sources.stream().map(source -> source.resolve(postgres, engine)).toList();
		requireUnique(sources.stream().map(Source::name).toList(), "source name");
		requireUnique(sources.stream().map(Source::slotName).toList(), "replication slot");
	}

	private static void requireUnique(List<String> values, String what) {
		Set<String> seen = new HashSet<>();
		values.stream().filter(value -> !seen.add(value)).findFirst().ifPresent(duplicate -> {
			throw new IllegalArgumentException("Two ftgo.relay.sources share the " + what + " " + duplicate);
		});
	}

	public record Postgres(@DefaultValue("127.0.0.1") String host, @DefaultValue("15432") int port) {
	}

	/**
	 * One source database. Only {@code name} and {@code database} are required: host and port default to
	 * {@code ftgo.relay.postgres}, the username to the database name (each service has a login role named
	 * like its database), the password to the username, slot and publication to
	 * {@code <slot-prefix><database>}.
	 *
	 * @param name names the engine, its health component and its metrics, e.g. {@code order-service}
	 */
	public record Source(String name, String host, Integer port, String database, String username, String password,
			String slotName, String publicationName) {

		private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
		// PostgreSQL's rule for slot names; publications follow the same convention here
		private static final Pattern SLOT = Pattern.compile("[a-z0-9_]{1,63}");

		public Source {
			if (name == null || !NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("ftgo.relay.sources[].name must be lower-case letters, digits and dashes: " + name);
			}
			if (database == null || database.isBlank()) {
				throw new IllegalArgumentException("ftgo.relay.sources[].database is missing for source " + name);
			}
			if (slotName != null && !SLOT.matcher(slotName).matches()) {
				throw new IllegalArgumentException("Not a valid replication slot name for source " + name + ": " + slotName);
			}
		}

		Source resolve(Postgres defaults, Engine engine) {
			String user = username != null ? username : database;
			String slot = slotName != null ? slotName
					: (engine.slotPrefix() + database).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
			return new Source(name, host != null ? host : defaults.host(), port != null ? port : defaults.port(), database,
					user, password != null ? password : user, slot, publicationName != null ? publicationName : slot);
		}

		public String jdbcUrl() {
			return "jdbc:postgresql://" + host + ":" + port + "/" + database;
		}

		@Override
		public String toString() {
			return "Source[" + name + " " + username + "@" + host + ":" + port + "/" + database + ", slot " + slotName + "]";
		}
	}

	/**
	 * @param deliveryTimeout how long the producer keeps trying to deliver a record; a batch not acknowledged
	 *     by then fails its engine, which restarts and re-reads the batch from the WAL
	 * @param linger how long the producer waits to fill a batch; small, a relay is latency-bound
	 * @param producer further producer properties, e.g. security settings
	 */
	public record Kafka(@DefaultValue("127.0.0.1:19092") String bootstrapServers,
			@DefaultValue("30s") Duration deliveryTimeout, @DefaultValue("5ms") Duration linger,
			Map<String, String> producer) {

		public Kafka {
			producer = producer == null ? Map.of() : Map.copyOf(producer);
		}
	}

	/**
	 * The topics of docs/messaging.md and their dead-letter topics, created on start when missing (the broker
	 * does not create topics on first use).
	 *
	 * @param replicationFactor the replicas of each partition: 1 on a single broker, 3 on the Kafka cluster of k8s/
	 * @param minInsyncReplicas the topic's {@code min.insync.replicas}, set when the relay creates it: with
	 *     {@code acks=all} (the relay's producer) a write succeeds only once this many replicas have it, so that a
	 *     broker lost right after the acknowledgement loses no message. Unset, a topic takes the broker's default
	 */
	public record Topics(@DefaultValue("true") boolean create,
			@DefaultValue({ "order.events", "order.replies", "consumer.events", "consumer.commands", "restaurant.events",
					"ticket.events", "kitchen.commands" }) List<String> names,
			@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor, Integer minInsyncReplicas,
			@DefaultValue("-dlt") String deadLetterSuffix) {

		public Topics {
			if (partitions < 1 || replicationFactor < 1) {
				throw new IllegalArgumentException("ftgo.relay.topics.partitions and replication-factor must be at least 1");
			}
			// more would refuse every write to the topic, however many brokers are up
			if (minInsyncReplicas != null && (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor)) {
				throw new IllegalArgumentException("ftgo.relay.topics.min-insync-replicas must be between 1 and replication-factor ("
						+ replicationFactor + "): " + minInsyncReplicas);
			}
		}

		/** The configs a topic is created with: {@code min.insync.replicas} when set, else none (the broker's defaults). */
		public Map<String, String> configs() {
			return minInsyncReplicas == null ? Map.of()
					: Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas));
		}

		/** Every topic followed by its dead-letter topic. */
		public List<String> withDeadLetters() {
			return names.stream().flatMap(name -> java.util.stream.Stream.of(name, name + deadLetterSuffix)).toList();
		}
	}

	/**
	 * @param outboxTable the only table captured, {@code schema.table}
	 * @param offsetTable where each engine keeps its offsets, in its own source database
	 * @param offsetFlushInterval how often acknowledged positions are stored; a crash replays at most this much
	 * @param heartbeatInterval how often an idle engine confirms its position, so a quiet slot does not pin WAL
	 * @param restartInitialBackoff the first pause before a failed engine is recreated; doubled per failure
	 * @param restartMaxBackoff the longest pause
	 * @param debezium further Debezium properties for every engine; they win over the relay's own
	 */
	public record Engine(@DefaultValue("public.outbox") String outboxTable, @DefaultValue("ftgo_relay_") String slotPrefix,
			@DefaultValue("ftgo_relay_offsets") String offsetTable, @DefaultValue("1s") Duration offsetFlushInterval,
			@DefaultValue("10s") Duration heartbeatInterval, @DefaultValue("1s") Duration restartInitialBackoff,
			@DefaultValue("8s") Duration restartMaxBackoff, Map<String, String> debezium) {

		public Engine {
			debezium = debezium == null ? Map.of() : Map.copyOf(debezium);
			if (restartMaxBackoff.compareTo(restartInitialBackoff) < 0) {
				throw new IllegalArgumentException("ftgo.relay.engine.restart-max-backoff is shorter than restart-initial-backoff");
			}
		}
	}
}
