package dev.ftgo.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Measurement 5: how fast one plain producer gets records onto this broker, the ceiling for the relay.
 * The records have the size and shape of what the relay publishes for a bench outbox row (36-byte key,
 * the same payload, headers {@code id}, {@code type}, {@code schemaVersion}) and the producer has the
 * relay's settings (acks=all, idempotent, linger 5 ms); unlike the relay it never waits for a batch's
 * acknowledgements before sending the next one.
 */
final class ProducerLimit {

	private static final int WARMUP_RECORDS = 2_000;

	private ProducerLimit() {
	}

	static Result run(String bootstrapServers, BenchOptions options, double drainRate, PrintStream out) {
		BenchTopics.create(bootstrapServers, BenchTopics.PRODUCED);
		int records = options.producerRecordCount();
		byte[] value = OutboxRows.payload(options.payloadBytes()).getBytes(StandardCharsets.UTF_8);
		AtomicLong failed = new AtomicLong();
		double seconds;
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5, ProducerConfig.LINGER_MS_CONFIG, 5,
				ProducerConfig.CLIENT_ID_CONFIG, "bench-producer"), new ByteArraySerializer(), new ByteArraySerializer())) {
			send(producer, WARMUP_RECORDS, value, failed);
			producer.flush();
			out.printf(Locale.ROOT, "  sending %,d records of %d bytes%n", records, value.length);
			long began = System.nanoTime();
			send(producer, records, value, failed);
			producer.flush();
			seconds = (System.nanoTime() - began) / 1e9;
		}
		double rate = records / seconds;
		double megabytesPerSecond = rate * (36 + value.length) / 1e6;
		Map<String, Object> figures = Result.newFigures();
		figures.put("records", records);
		figures.put("valueBytes", value.length);
		figures.put("recordsPerSecond", Math.round(rate));
		figures.put("payloadMegabytesPerSecond", Distribution.round(megabytesPerSecond));
		figures.put("failed", failed.get());
		String relayShare = "";
		if (drainRate > 0) {
			figures.put("drainToProducerRatio", Math.round(drainRate / rate * 100) / 100.0);
			relayShare = String.format(Locale.ROOT, "; the relay drains at %.0f %% of it", drainRate / rate * 100);
		}
		String summary = String.format(Locale.ROOT, "%,.0f records/s (%.1f MB/s of keys and values)%s", rate,
				megabytesPerSecond, relayShare);
		return new Result("producer", "5 Raw Kafka producer limit", summary, figures, Result.Goal.NONE,
				"one KafkaProducer, async sends, the relay's producer settings; records like the relayed ones,"
						+ " to " + BenchTopics.PRODUCED);
	}

	private static void send(KafkaProducer<byte[], byte[]> producer, int count, byte[] value, AtomicLong failed) {
		byte[] type = OutboxRows.TYPE.getBytes(StandardCharsets.UTF_8);
		byte[] version = "1".getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < count; i++) {
			byte[] key = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
			List<Header> headers = List.of(new RecordHeader("id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)),
					new RecordHeader("type", type), new RecordHeader("schemaVersion", version));
			producer.send(new ProducerRecord<>(BenchTopics.PRODUCED, null, key, value, headers), (metadata, error) -> {
				if (error != null) {
					failed.incrementAndGet();
				}
			});
		}
	}
}
