package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The swap of Boot's Micrometer listener for one that looks for new client metrics every 10 s. */
class KafkaClientMetricsRefreshTest {

	private final MeterRegistry registry = new SimpleMeterRegistry();
	private final DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(
			Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9", ConsumerConfig.GROUP_ID_CONFIG, "test"),
			new StringDeserializer(), new ByteArrayDeserializer());
	private KafkaClientMetricsRefresh refresh;

	@AfterEach
	void stopTheScheduler() {
		if (refresh != null) {
			refresh.destroy();
		}
	}

	private KafkaClientMetricsRefresh refresh(MeterRegistry meters) {
		var beans = new DefaultListableBeanFactory();
		if (meters != null) {
			beans.registerSingleton("meterRegistry", meters);
		}
		refresh = new KafkaClientMetricsRefresh(beans.getBeanProvider(MeterRegistry.class));
		return refresh;
	}

	@Test
	void replacesBootsListenerWithOneThatBindsTheConsumersMetrics() {
		var boots = new MicrometerConsumerListener<String, byte[]>(registry);
		consumers.addListener(boots);

		refresh(registry).applyTo(consumers);

		assertThat(consumers.getListeners()).hasSize(1).doesNotContain(boots)
			.allSatisfy(listener -> assertThat(listener).isInstanceOf(MicrometerConsumerListener.class));
		try (var consumer = consumers.createConsumer()) {
			assertThat(registry.find("kafka.consumer.connection.count").gauges()).isNotEmpty();
		}
	}

	@Test
	void addsNoListenerWhereBootAddedNone() {
		refresh(registry).applyTo(consumers);

		assertThat(consumers.getListeners()).isEmpty();
	}

	@Test
	void keepsBootsListenerWithoutAMeterRegistryOfItsOwn() {
		var boots = new MicrometerConsumerListener<String, byte[]>(registry);
		consumers.addListener(boots);

		refresh(null).applyTo(consumers);

		assertThat(consumers.getListeners()).containsExactly(boots);
	}
}
