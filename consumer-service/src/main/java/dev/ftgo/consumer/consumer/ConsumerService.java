package dev.ftgo.consumer.consumer;

import java.time.Clock;
import java.util.Currency;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The consumer use cases; each runs in one transaction, which also sends the event of its change. */
@Service
@Transactional
public class ConsumerService {

	private final Consumers consumers;
	private final ConsumerMessages messages;
	private final ConsumerSettings settings;
	private final Clock clock;

	ConsumerService(Consumers consumers, ConsumerMessages messages, ConsumerSettings settings, Clock clock) {
		this.consumers = consumers;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
	}

	/** Registers a consumer; without an explicit limit, the configured default applies. */
	public Consumer register(PersonName name, EmailAddress email, Money orderLimitOrNull) {
		var limit = orderLimitOrNull != null ? orderLimitOrNull : defaultOrderLimit();
		var consumer = consumers.save(Consumer.register(name, email, limit, clock.instant()));
		return sent(consumer);
	}

	@Transactional(readOnly = true)
	public Consumer find(ConsumerId id) {
		return load(id);
	}

	public Consumer suspend(ConsumerId id) {
		var consumer = load(id);
		consumer.suspend();
		return sent(consumer);
	}

	public Consumer reactivate(ConsumerId id) {
		var consumer = load(id);
		consumer.reactivate();
		return sent(consumer);
	}

	@Transactional(readOnly = true)
	public OrderValidation validateOrder(ConsumerId id, Money orderTotal) {
		return load(id).validateOrder(orderTotal);
	}

	private Consumer sent(Consumer consumer) {
		// JPA moves @Version only when it flushes; the snapshot must carry the version this change gives the row,
		// which is what order-service's replica compares. Flushing first also surfaces a concurrent update
		// (optimistic lock) before anything is sent.
		consumers.flush();
		messages.send(consumer.releaseMessages());
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
