package dev.ftgo.consumer.consumer.messaging;

import dev.ftgo.consumer.consumer.ConsumerEvent;
import dev.ftgo.consumer.consumer.Money;

/**
 * The payload of every {@code consumer.events} message:
 * {@code {"consumerId", "status", "orderLimit": {"amount": "12.50", "currency": "USD"}, "version"}}.
 */
record ConsumerSnapshot(String consumerId, String status, MoneyPayload orderLimit, long version) {

	/** The amount is a decimal string, never a binary floating-point number. */
	record MoneyPayload(String amount, String currency) {

		static MoneyPayload of(Money money) {
			return new MoneyPayload(money.amount().toPlainString(), money.currency().getCurrencyCode());
		}
	}

	static ConsumerSnapshot of(ConsumerEvent event) {
		return new ConsumerSnapshot(event.consumerId().toString(), event.status().name(),
				MoneyPayload.of(event.orderLimit()), event.version());
	}
}
