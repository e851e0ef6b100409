package dev.ftgo.relay.deadletters;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.relay.RelaySettings;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class DeadLettersConfiguration {

	@Bean
	DeadLetters deadLetters(RelaySettings relay, DeadLetterSettings settings, JsonMapper json,
			Producer<byte[], byte[]> deadLetterReplayProducer) {
		var bootstrapServers = relay.kafka().bootstrapServers();
		var reads = new KafkaReads(bootstrapServers, settings.kafkaTimeout());
		var ledger = new ReplayLedger(settings.replaysTopic(), bootstrapServers, relay.topics().replicationFactor(),
				settings.kafkaTimeout(), reads, json);
		return new DeadLetters(new DeadLetterTopics(relay.topics()), reads, ledger, deadLetterReplayProducer,
				settings, Clock.systemUTC());
	}

	/** Not the engines' producers: those live and die with an engine run. Closed with the context. */
	@Bean
	Producer<byte[], byte[]> deadLetterReplayProducer(RelaySettings relay, DeadLetterSettings settings) {
		Map<String, Object> config = new HashMap<>();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, relay.kafka().bootstrapServers());
		config.put(ProducerConfig.CLIENT_ID_CONFIG, "cdc-relay-dead-letters");
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		int timeout = (int) settings.kafkaTimeout().toMillis();
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.putAll(relay.kafka().producer());
		return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}
}
