package dev.ftgo.messaging;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * The subscription consumers' client metrics, looked for every {@link #INTERVAL} rather than Micrometer's
 * minute. A consumer's {@code records-lag} per partition only exists after its first fetch from that
 * partition, and Micrometer binds the metrics a client has when it is created, then the new ones at each
 * refresh: after a start or a rebalance the lag, the metric that matters most then, would be missing from
 * the scrape for up to a minute.
 */
final class KafkaClientMetricsRefresh implements DisposableBean {

	static final Duration INTERVAL = Duration.ofSeconds(10);

	private final ObjectProvider<MeterRegistry> meters;
	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	KafkaClientMetricsRefresh(ObjectProvider<MeterRegistry> meters) {
		this.meters = meters;
		scheduler.setThreadNamePrefix("kafka-client-metrics-");
		scheduler.setDaemon(true);
		scheduler.initialize();
	}

	/**
	 * Replaces the Micrometer listener that Boot's customizers gave {@code consumers} with one refreshing every
	 * {@link #INTERVAL}; without such a listener (no meter registry, metrics off) nothing changes.
	 */
	<K, V> void applyTo(DefaultKafkaConsumerFactory<K, V> consumers) {
		var micrometer = consumers.getListeners().stream().filter(MicrometerConsumerListener.class::isInstance).toList();
		MeterRegistry registry = meters.getIfUnique();
		if (micrometer.isEmpty() || registry == null) {
			return;
		}
		micrometer.forEach(consumers::removeListener);
		consumers.addListener(new MicrometerConsumerListener<K, V>(registry, scheduler) {
			@Override
			protected MeterBinder createClientMetrics(Consumer<K, V> consumer, List<Tag> tags) {
				return new KafkaClientMetrics(consumer, tags, this.scheduler, INTERVAL);
			}
		});
	}

	@Override
	public void destroy() {
		scheduler.shutdown();
	}
}
