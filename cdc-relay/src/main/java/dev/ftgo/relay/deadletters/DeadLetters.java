package dev.ftgo.relay.deadletters;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter topics for an operator: what is parked there and why, and sending a record back to the topic it
 * came from once the cause is fixed.
 *
 * <p>A replay sends the same key, payload and message headers (the same {@code id}: a consumer that did apply the
 * message once drops the copy in its inbox) plus {@code replayOf}, and records the replay in the {@link ReplayLedger}.
 * A dead letter replayed once is replayed again only when asked with {@code force}; a replay of a whole topic skips
 * the ones replayed before. Two requests racing on two relay instances may both replay a record; the consumers'
 * inbox makes the second copy change nothing.
 */
public class DeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

	/** A dead letter and its latest replay, if any. */
	public record Entry(DeadLetter deadLetter, Optional<Replay> replay) {
	}

	/** What a replay of a whole topic did: the records sent, and those skipped as replayed before. */
	public record TopicReplay(List<Replay> replayed, List<Entry> skipped) {
	}

	private final DeadLetterTopics topics;
	private final KafkaReads reads;
	private final ReplayLedger ledger;
	private final Producer<byte[], byte[]> producer;
	private final DeadLetterSettings settings;
	private final Clock clock;

	DeadLetters(DeadLetterTopics topics, KafkaReads reads, ReplayLedger ledger, Producer<byte[], byte[]> producer,
			DeadLetterSettings settings, Clock clock) {
		this.topics = topics;
		this.reads = reads;
		this.ledger = ledger;
		this.producer = producer;
		this.settings = settings;
		this.clock = clock;
	}

	/** The names of the dead-letter topics. */
	public List<String> topics() {
		return topics.names();
	}

	/**
	 * The newest dead letters, newest first, of one dead-letter topic or of all of them.
	 *
	 * @param limit at most this many; {@code null} for {@code ftgo.relay.dead-letters.default-limit}
	 */
	public List<Entry> list(Optional<String> topic, Integer limit) {
		int wanted = limit == null ? settings.defaultLimit() : limit;
		if (wanted < 1 || wanted > settings.maxLimit()) {
			throw new InvalidDeadLetterRequestException("limit must be between 1 and " + settings.maxLimit() + ": " + wanted);
		}
		List<String> names = topic.map(topics::require).map(List::of).orElse(topics.names());
		Map<DeadLetterId, Replay> replays = ledger.replays();
		return names.stream().flatMap(name -> reads.newest(name, wanted).stream())
			.map(this::deadLetter)
			.sorted(Comparator.comparing(DeadLetter::parkedAt).thenComparing(letter -> letter.id().offset()).reversed())
			.limit(wanted)
			.map(letter -> new Entry(letter, Optional.ofNullable(replays.get(letter.id()))))
			.toList();
	}

	public Entry show(DeadLetterId id) {
		topics.require(id.topic());
		var record = reads.at(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
		return new Entry(deadLetter(record), Optional.ofNullable(ledger.replays().get(id)));
	}

	/**
	 * Sends the dead letter back to its original topic.
	 *
	 * @param by the subject of the caller's token, recorded with the replay and logged
	 * @param force replay even when it was replayed before
	 * @throws AlreadyReplayedException when it was replayed before and {@code force} is not set
	 */
	public synchronized Replay replay(DeadLetterId id, String by, boolean force) {
		topics.require(id.topic());
		var record = reads.at(id).orElseThrow(() -> new DeadLetterNotFoundException(id));
		Optional<Replay> previous = Optional.ofNullable(ledger.replays().get(id));
		if (previous.isPresent() && !force) {
			throw new AlreadyReplayedException(previous.get());
		}
		return send(record, by);
	}

	/** Sends every dead letter of the topic back that was not replayed before, oldest first per partition. */
	public synchronized TopicReplay replayAll(String topic, String by) {
		topics.require(topic);
		Map<DeadLetterId, Replay> replays = ledger.replays();
		List<Replay> replayed = new ArrayList<>();
		List<Entry> skipped = new ArrayList<>();
		for (var record : reads.all(topic)) {
			var id = new DeadLetterId(record.topic(), record.partition(), record.offset());
			if (replays.containsKey(id)) {
				skipped.add(new Entry(deadLetter(record), Optional.of(replays.get(id))));
			}
			else {
				replayed.add(send(record, by));
			}
		}
		log.info("{} replayed {} dead letters of {} ({} skipped as replayed before)", by, replayed.size(), topic,
				skipped.size());
		return new TopicReplay(replayed, skipped);
	}

	private Replay send(ConsumerRecord<byte[], byte[]> record, String by) {
		var letter = deadLetter(record);
		var copy = new ProducerRecord<>(letter.originalTopic(), null, record.key(), record.value(),
				DeadLetterHeaders.forReplay(record.headers(), letter.id()));
		Duration timeout = settings.kafkaTimeout();
		var sent = Sending.await(producer.send(copy), timeout, "the replay of " + letter.id());
		var replay = new Replay(letter.id(), sent.topic(), sent.partition(), sent.offset(), by, clock.instant());
		ledger.record(producer, replay);
		log.info("{} replayed dead letter {} ({} {}, key {}) to {} partition {} offset {}", by, letter.id(),
				letter.type(), letter.messageId(), letter.key(), sent.topic(), sent.partition(), sent.offset());
		return replay;
	}

	private DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record) {
		return DeadLetterHeaders.read(record, topics.originalOf(record.topic()));
	}
}
