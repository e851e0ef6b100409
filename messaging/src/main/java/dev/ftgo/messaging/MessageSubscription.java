package dev.ftgo.messaging;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a service consumes from one topic: a handler per message {@code type}. Declare one as a bean and the
 * messaging auto-configuration runs a listener container for it, in consumer group
 * {@code spring.application.name}, with one consumer per partition.
 *
 * <pre>{@code
 * @Bean
 * MessageSubscription kitchenCommands(TicketCommands commands) {
 *     return MessageSubscription.to("kitchen.commands")
 *             .on("CreateTicket", CreateTicket.class, commands::createTicket);
 * }
 * }</pre>
 *
 * Messages of a type without a handler are recorded as processed, logged and ignored (tolerant reader): a producer
 * may add message types before its consumers know them. Types a subscriber knows and has no use for are
 * declared with {@link #skipping}: they are passed over without a database write or a log line.
 */
public final class MessageSubscription {

	private final String topic;
	private final Map<String, Registration<?>> handlers = new LinkedHashMap<>();
	private final Set<String> skipped = new HashSet<>();
	private String subscriber;

	private MessageSubscription(String topic) {
		if (topic == null || topic.isBlank()) {
			throw new IllegalArgumentException("topic must not be blank");
		}
		this.topic = topic;
	}

	public static MessageSubscription to(String topic) {
		return new MessageSubscription(topic);
	}

	/**
	 * Names the subscriber in {@code processed_message}; defaults to {@code spring.application.name}. Message
	 * ids are unique, so one name per service is enough unless two subscriptions must see the same message.
	 */
	public MessageSubscription as(String subscriberName) {
		if (subscriberName == null || subscriberName.isBlank()) {
			throw new IllegalArgumentException("subscriber must not be blank");
		}
		this.subscriber = subscriberName;
		return this;
	}

	/** Handles messages of {@code type}, reading their JSON payload as {@code payloadType}. */
	public <T> MessageSubscription on(String type, Class<T> payloadType, MessageHandler<T> handler) {
		Objects.requireNonNull(payloadType, "payloadType");
		Objects.requireNonNull(handler, "handler");
		if (skipped.contains(type) || handlers.putIfAbsent(type, new Registration<>(payloadType, handler)) != null) {
			throw new IllegalArgumentException("Two handlers for " + type + " on " + topic);
		}
		return this;
	}

	/**
	 * Passes over messages of these types, which the topic carries for other subscribers: no record in
	 * {@code processed_message}, no log line (a redelivery is passed over again, which changes nothing). On a
	 * busy topic of which a subscriber needs one type, that spares a transaction per message of every other type.
	 */
	public MessageSubscription skipping(String... types) {
		for (String type : types) {
			if (handlers.containsKey(type) || !skipped.add(type)) {
				throw new IllegalArgumentException(type + " on " + topic + " is already handled or skipped");
			}
		}
		return this;
	}

	public String topic() {
		return topic;
	}

	/** The class a payload of {@code type} is read as; empty for a type this subscription ignores. */
	public Optional<Class<?>> payloadType(String type) {
		return handlerFor(type).map(Registration::payloadType);
	}

	Optional<String> subscriber() {
		return Optional.ofNullable(subscriber);
	}

	boolean skips(String type) {
		return skipped.contains(type);
	}

	Optional<Registration<?>> handlerFor(String type) {
		return Optional.ofNullable(handlers.get(type));
	}

	record Registration<T>(Class<T> payloadType, MessageHandler<T> handler) {
	}
}
