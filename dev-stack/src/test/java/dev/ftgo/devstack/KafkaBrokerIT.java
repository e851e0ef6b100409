package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

	private static final Duration STARTUP = Duration.ofSeconds(120);

	@TempDir
	Path runDir;

	private KafkaBroker broker;

	@BeforeEach
	void startBroker() {
		broker = new KafkaBroker(runDir.resolve("data/kafka"), Ports.freePort(), Ports.freePort(),
				StackLayout.detect().kafkaLib(), runDir);
		broker.start();
		broker.awaitHealthy(STARTUP);
	}

	@AfterEach
	void killBroker() {
		broker.kill();
	}

	@Test
	void deliversARecordThroughAThreePartitionTopic() throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic("order.events", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
			assertThat(admin.describeTopics(Set.of("order.events")).allTopicNames().get(30, TimeUnit.SECONDS)
					.get("order.events").partitions()).hasSize(3);
		}

		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("order.events", "order-1", "{\"state\":\"APPROVAL_PENDING\"}")).get(30, TimeUnit.SECONDS);
		}

		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "kafka-broker-it",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("order.events"));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(received::add);
				return !received.isEmpty();
			});
		}
		assertThat(received).singleElement().satisfies(record -> {
			assertThat(record.key()).isEqualTo("order-1");
			assertThat(record.value()).isEqualTo("{\"state\":\"APPROVAL_PENDING\"}");
		});
	}

	@Test
	void stopLeavesNoProcessAndTheBrokerRestartsOnItsData() throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic("kitchen.commands", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		long pid = broker.pid();

		broker.stop();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(broker.isAlive()).isFalse();

		broker.start();
		broker.awaitHealthy(STARTUP);
		assertThat(broker.pid()).isNotEqualTo(pid);
		try (Admin admin = admin()) {
			assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kitchen.commands");
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
	}

	@Test
	void killLeavesNoProcess() {
		long pid = broker.pid();

		broker.kill();

		assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
	}
}
