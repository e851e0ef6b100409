package dev.ftgo.consumer.consumer;

import java.time.Clock;
import java.util.Currency;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The consumer use cases; each runs in one transaction. */
@Service
@Transactional
public class ConsumerService {

	private final Consumers consumers;
	private final ConsumerSettings settings;
	private final Clock clock;

	ConsumerService(Consumers consumers, ConsumerSettings settings, Clock clock) {
		this.consumers = consumers;
		this.settings = settings;
		this.clock = clock;
	}

	/** Registers a consumer; without an explicit limit, the configured default applies. */
	public Consumer register(PersonName name, EmailAddress email, Money orderLimitOrNull) {
		var limit = orderLimitOrNull != null ? orderLimitOrNull : defaultOrderLimit();
		return consumers.save(Consumer.register(name, email, limit, clock.instant()));
	}

	@Transactional(readOnly = true)
	public Consumer find(ConsumerId id) {
		return load(id);
	}

	public Consumer suspend(ConsumerId id) {
		var consumer = load(id);
		consumer.suspend();
		return consumer;
	}

	public Consumer reactivate(ConsumerId id) {
		var consumer = load(id);
		consumer.reactivate();
		return consumer;
	}

	@Transactional(readOnly = true)
	public OrderValidation validateOrder(ConsumerId id, Money orderTotal) {
		return load(id).validateOrder(orderTotal);
	}

	private Money defaultOrderLimit() {
		var limit = settings.defaultOrderLimit();
		return new Money(limit.amount(), Currency.getInstance(limit.currency()));
	}

	private Consumer load(ConsumerId id) {
		return consumers.findById(id.value()).orElseThrow(() -> new ConsumerNotFoundException(id));
	}
}
