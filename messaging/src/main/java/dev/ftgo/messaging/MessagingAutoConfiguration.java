package dev.ftgo.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the outbox writer and the idempotent consumer support into a service that has a DataSource, and a
 * listener container for every {@link MessageSubscription} bean.
 *
 * <p>Observability comes from the application, when it has it: the consumers and the dead-letter producer get
 * Boot's Kafka client customizers (Micrometer client metrics such as records-lag), each record is handled
 * inside a Kafka listener observation (with a tracer: a span continuing the record's {@code traceparent}), and
 * the outbox writer stamps the current span on the messages it writes. None of it is required.
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@EnableConfigurationProperties(MessagingSettings.class)
public class MessagingAutoConfiguration {

	private static JsonMapper jsonMapper(ObjectProvider<JsonMapper> configured) {
		return configured.getIfAvailable(() -> JsonMapper.builder().build());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnSingleCandidate(DataSource.class)
	static class Outbox {

		@Bean
		@ConditionalOnMissingBean
		OutboxWriter outboxWriter(DataSource dataSource, ObjectProvider<JsonMapper> json,
				ObjectProvider<TraceparentSource> traceparents, ObjectProvider<MessageContracts> contracts) {
			return new OutboxWriter(dataSource, jsonMapper(json), traceparents.getIfUnique(() -> TraceparentSource.NONE),
					contracts.getIfAvailable());
		}

		/**
		 * Present exactly when outgoing messages are validated ({@link MessagingSettings#validateOutgoing()}); an
		 * OutboxWriter bean of the application's own should take it too.
		 */
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty("ftgo.messaging.validate-outgoing")
		MessageContracts messageContracts() {
			return MessageContracts.onClasspath();
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnSingleCandidate(PlatformTransactionManager.class)
		InboxGuard inboxGuard(DataSource dataSource, PlatformTransactionManager transactionManager) {
			return new InboxGuard(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager));
		}
	}

	/** Only with Micrometer Tracing on the classpath; an application may still have no Tracer bean. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class Tracing {

		// the tracer is looked up when the bean is created, not by a bean condition, which would depend on
		// this configuration running after whichever auto-configuration provides the tracer
		@Bean
		@ConditionalOnMissingBean
		TraceparentSource messagingTraceparentSource(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
			Tracer current = tracer.getIfUnique();
			Propagator format = propagator.getIfUnique();
			return current == null || format == null ? TraceparentSource.NONE : new MicrometerTraceparents(current, format);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(KafkaTemplate.class)
	@ConditionalOnBean({ MessageSubscription.class, KafkaProperties.class })
	@ConditionalOnSingleCandidate(DataSource.class)
	static class Subscriptions {

		/** Writes the dead letters byte for byte as they were read. */
		@Bean
		DefaultKafkaProducerFactory<String, byte[]> messagingDeadLetterProducerFactory(KafkaProperties kafka,
				ObjectProvider<DefaultKafkaProducerFactoryCustomizer> customizers) {
			var producers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(),
					new ByteArraySerializer());
			customizers.orderedStream().forEach(customizer -> customizer.customize(producers));
			return producers;
		}

		@Bean
		SubscriptionContainers messagingSubscriptionContainers(List<MessageSubscription> subscriptions,
				KafkaProperties kafka, DefaultKafkaProducerFactory<String, byte[]> messagingDeadLetterProducerFactory,
				InboxGuard inbox, ObjectProvider<JsonMapper> json, MessagingSettings settings, Environment environment,
				ObjectProvider<DefaultKafkaConsumerFactoryCustomizer> customizers,
				ObjectProvider<ObservationRegistry> observations, ObjectProvider<KafkaClientMetricsRefresh> metricsRefresh,
				ObjectProvider<MeterRegistry> meters) {
			String groupId = environment.getProperty("spring.application.name");
			if (groupId == null || groupId.isBlank()) {
				throw new IllegalStateException("Set spring.application.name: it is the consumer group of the MessageSubscriptions");
			}
			Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
			// offsets are committed by the container after each record's transaction, never on a timer
			properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			// a group's first start must see what was sent before it existed (e.g. commands sent while it was down)
			properties.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			// a killed instance keeps its partitions until its session expires, and a rebalance (such as the
			// one its own restart starts) waits for that: 10 s instead of Kafka's 45 s default
			properties.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
			properties.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
			var consumers = new DefaultKafkaConsumerFactory<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
			// what Boot does to its own consumer factory, e.g. the Micrometer listener that publishes the client metrics
			customizers.orderedStream().forEach(customizer -> customizer.customize(consumers));
			metricsRefresh.ifAvailable(refresh -> refresh.applyTo(consumers));
			var deadLetters = new DeadLetterCount(meters.getIfUnique(SimpleMeterRegistry::new), groupId,
					subscriptions.stream().map(MessageSubscription::topic).toList());
			var errorHandler = RetryThenDeadLetter.errorHandler(new KafkaTemplate<>(messagingDeadLetterProducerFactory),
					settings.consumer(), deadLetters::parked);
			return new SubscriptionContainers(subscriptions, consumers, errorHandler, inbox,
					TolerantJson.reader(jsonMapper(json)), groupId, settings.consumer().concurrency(),
					observations.getIfUnique(() -> ObservationRegistry.NOOP));
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(KafkaClientMetrics.class)
		static class ClientMetrics {

			@Bean
			KafkaClientMetricsRefresh messagingKafkaClientMetricsRefresh(ObjectProvider<MeterRegistry> meters) {
				return new KafkaClientMetricsRefresh(meters);
			}
		}

		@Bean
		@ConditionalOnMissingBean(name = "processedMessagePurge")
		RetentionPurge processedMessagePurge(DataSource dataSource, MessagingSettings settings) {
			return RetentionPurge.processedMessages(new JdbcTemplate(dataSource), settings.inbox());
		}
	}
}
