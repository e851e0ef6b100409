package dev.ftgo.consumer.consumer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A consumer who orders food. Its status changes only through {@link #suspend()} and
 * {@link #reactivate()}; {@link #validateOrder(Money)} applies the rules order-service relies on.
 *
 * Registering and each status change record the {@link ConsumerEvent} they cause; {@link #releaseMessages()}
 * hands them to whoever saves the consumer, each carrying the consumer as it is then.
 */
@Entity
@Table(name = "consumer")
public class Consumer {

	@Id
	private UUID id;

	@Embedded
	private PersonName name;

	private String email;

	@Embedded
	@AttributeOverride(name = "amount", column = @Column(name = "order_limit_amount"))
	@AttributeOverride(name = "currency", column = @Column(name = "order_limit_currency"))
	private Money orderLimit;

	@Enumerated(EnumType.STRING)
	private ConsumerStatus status;

	@Version
	private Long version;

	private Instant createdAt;

	// recorded by the changes of this instance, not stored: the outbox stores them. Each is completed with the
	// consumer's state only on release, because the version it must carry is known only once the change is flushed
	@Transient
	private final List<Function<Consumer, ConsumerEvent>> messages = new ArrayList<>();

	protected Consumer() {
		// for JPA
	}

	private Consumer(ConsumerId id, PersonName name, EmailAddress email, Money orderLimit, Instant createdAt) {
		this.id = id.value();
		this.name = name;
		this.email = email.value();
		this.orderLimit = orderLimit;
		this.status = ConsumerStatus.ACTIVE;
		this.createdAt = createdAt;
		record(ConsumerRegistered::of);
	}

	public static Consumer register(PersonName name, EmailAddress email, Money orderLimit, Instant now) {
		return new Consumer(ConsumerId.random(), name, email, orderLimit, now);
	}

	public void suspend() {
		if (status == ConsumerStatus.SUSPENDED) {
			throw new IllegalConsumerStateException("Consumer " + id + " is already suspended");
		}
		status = ConsumerStatus.SUSPENDED;
		record(ConsumerSuspended::of);
	}

	public void reactivate() {
		if (status == ConsumerStatus.ACTIVE) {
			throw new IllegalConsumerStateException("Consumer " + id + " is already active");
		}
		status = ConsumerStatus.ACTIVE;
		record(ConsumerReactivated::of);
	}

	/**
	 * The messages recorded since the last call, in the order of the changes; the consumer forgets them. Each
	 * carries the consumer as it is now, so call this after the change is flushed: order-service's replica keeps
	 * the snapshot with the highest version, and JPA moves the version only when it flushes. Send them in the
	 * transaction that saves this consumer.
	 *
	 * @throws IllegalStateException if the consumer was never flushed and has no version yet
	 */
	public List<ConsumerEvent> releaseMessages() {
		if (messages.isEmpty()) {
			return List.of();
		}
		if (version == null) {
			throw new IllegalStateException("Consumer " + id + " has no version until it is flushed");
		}
		var released = messages.stream().map(message -> message.apply(this)).toList();
		messages.clear();
		return released;
	}

	public OrderValidation validateOrder(Money orderTotal) {
		if (status == ConsumerStatus.SUSPENDED) {
			return OrderValidation.refuse("Consumer is suspended");
		}
		if (!orderTotal.hasSameCurrencyAs(orderLimit)) {
			return OrderValidation.refuse("Order currency " + orderTotal.currency() + " differs from the order limit's "
					+ orderLimit.currency());
		}
		if (orderTotal.isGreaterThan(orderLimit)) {
			return OrderValidation.refuse("Order total " + orderTotal + " exceeds the order limit of " + orderLimit);
		}
		return OrderValidation.approve();
	}

	private void record(Function<Consumer, ConsumerEvent> message) {
		messages.add(message);
	}

	public ConsumerId id() {
		return new ConsumerId(id);
	}

	public PersonName name() {
		return name;
	}

	public EmailAddress email() {
		return new EmailAddress(email);
	}

	public Money orderLimit() {
		return orderLimit;
	}

	public ConsumerStatus status() {
		return status;
	}

	public Instant createdAt() {
		return createdAt;
	}

	/**
	 * The optimistic-lock version: 0 once registered, one more per change. JPA moves it when the change is
	 * flushed, so read it after a flush to get the version of the row this change wrote. {@code null} for a
	 * consumer not yet saved, which is also how Spring Data tells that it is new.
	 */
	public Long version() {
		return version;
	}
}
