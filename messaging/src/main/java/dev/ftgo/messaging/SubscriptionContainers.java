package dev.ftgo.messaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

import io.micrometer.observation.ObservationRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * One listener container per {@link MessageSubscription}, started and stopped with the application. With an
 * observation registry each record is handled inside Spring Kafka's listener observation: with a tracer, that is
 * a consumer span whose parent is the record's {@code traceparent}, current while the handler runs.
 */
final class SubscriptionContainers implements SmartLifecycle {

	private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
	private volatile boolean running;

	SubscriptionContainers(List<MessageSubscription> subscriptions, ConsumerFactory<String, byte[]> consumers,
			CommonErrorHandler errorHandler, InboxGuard inbox, JsonMapper json, String groupId, int concurrency,
			ObservationRegistry observations) {
		Set<String> topics = new HashSet<>();
		for (MessageSubscription subscription : subscriptions) {
			// two containers in one group would split the topic's partitions between two handler sets
			if (!topics.add(subscription.topic())) {
				throw new IllegalStateException("Two MessageSubscriptions for topic " + subscription.topic()
						+ "; declare every handler of a topic in one subscription");
			}
			String subscriber = subscription.subscriber().orElse(groupId);
			var properties = new ContainerProperties(subscription.topic());
			properties.setGroupId(groupId);
			// the handler's transaction has committed when the listener returns; only then is the offset committed
			properties.setAckMode(AckMode.RECORD);
			properties.setObservationEnabled(!observations.isNoop());
			properties.setObservationRegistry(observations);
			properties.setMessageListener(new SubscriptionListener(subscription, subscriber, inbox, json));
			var container = new ConcurrentMessageListenerContainer<>(consumers, properties);
			container.setConcurrency(concurrency);
			container.setCommonErrorHandler(errorHandler);
			container.setBeanName("messaging-" + subscription.topic());
			containers.add(container);
		}
	}

	@Override
	public void start() {
		containers.forEach(ConcurrentMessageListenerContainer::start);
		running = true;
	}

	@Override
	public void stop() {
		containers.forEach(ConcurrentMessageListenerContainer::stop);
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Started last and stopped first, like Spring Kafka's own containers. */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE;
	}
}
