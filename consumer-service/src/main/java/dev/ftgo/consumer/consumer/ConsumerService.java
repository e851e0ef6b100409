package dev.ftgo.consumer.consumer;

import java.time.Clock;
import java.util.Currency;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The consumer use cases; each runs in one transaction, which also sends the event of its change. */
@Service
@Transactional
public class ConsumerService {

	private final Consumers consumers;
	private final ConsumerEventPublisher events;
	private final ConsumerSettings settings;
	private final Clock clock;

	ConsumerService(Consumers consumers, ConsumerEventPublisher events, ConsumerSettings settings, Clock clock) {
		this.consumers = consumers;
		this.events = events;
		this.settings = settings;
		this.clock = clock;
	}

	/** Registers a consumer; without an explicit limit, the configured default applies. */
	public Consumer register(PersonName name, EmailAddress email, Money orderLimitOrNull) {
		var limit = orderLimitOrNull != null ? orderLimitOrNull : defaultOrderLimit();
		var consumer = consumers.save(Consumer.register(name, email, limit, clock.instant()));
		return published(consumer, ConsumerRegistered::of);
	}

	@Transactional(readOnly = true)
	public Consumer find(ConsumerId id) {
		return load(id);
	}

	public Consumer suspend(ConsumerId id) {
		var consumer = load(id);
		consumer.suspend();
		return published(consumer, ConsumerSuspended::of);
	}

	public Consumer reactivate(ConsumerId id) {
		var consumer = load(id);
		consumer.reactivate();
		return published(consumer, ConsumerReactivated::of);
	}

	@Transactional(readOnly = true)
	public OrderValidation validateOrder(ConsumerId id, Money orderTotal) {
		return load(id).validateOrder(orderTotal);
	}

	private Consumer published(Consumer consumer, Function<Consumer, ConsumerEvent> event) {
		// JPA moves @Version only when it flushes; the snapshot must carry the version this change gives the row,
		// which is what order-service's replica compares. Flushing first also surfaces a concurrent update
		// (optimistic lock) before anything is sent.
		consumers.flush();
		events.publish(event.apply(consumer));
		return consumer;
	}

	private Money defaultOrderLimit() {
		var limit = settings.defaultOrderLimit();
		return new Money(limit.amount(), Currency.getInstance(limit.currency()));
	}

	private Consumer load(ConsumerId id) {
		return consumers.findById(id.value()).orElseThrow(() -> new ConsumerNotFoundException(id));
	}
}
