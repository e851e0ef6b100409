package dev.ftgo.order.consumer;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ftgo.order.order.ConsumerCheck.Verdict;
import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.Money;

/**
 * This service's copy of what consumer-service last said about each consumer, fed by consumer.events.
 * It answers order validations only when consumer-service cannot ({@link ConsumerValidation}).
 */
@Repository
public class ConsumerReplica {

	// the version guard makes the upsert a no-op for an older or repeated snapshot, even under concurrency
	private static final String UPSERT = """
			INSERT INTO consumer_replica (consumer_id, status, order_limit_amount, order_limit_currency, version, updated_at)
			VALUES (:id, :status, :amount, :currency, :version, now())
			ON CONFLICT (consumer_id) DO UPDATE
			SET status = EXCLUDED.status, order_limit_amount = EXCLUDED.order_limit_amount,
			    order_limit_currency = EXCLUDED.order_limit_currency, version = EXCLUDED.version,
			    updated_at = EXCLUDED.updated_at
			WHERE consumer_replica.version < EXCLUDED.version""";

	private final JdbcClient jdbc;

	ConsumerReplica(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps {@code snapshot} unless a newer one is already here; returns whether it was kept. */
	public boolean apply(Snapshot snapshot) {
		return jdbc.sql(UPSERT)
			.param("id", snapshot.consumerId().value())
			.param("status", snapshot.status())
			.param("amount", snapshot.orderLimit().amount())
			.param("currency", snapshot.orderLimit().currency().getCurrencyCode())
			.param("version", snapshot.version())
			.update() == 1;
	}

	public Optional<Snapshot> find(ConsumerId id) {
		return jdbc.sql("""
				SELECT status, order_limit_amount, order_limit_currency, version
				FROM consumer_replica WHERE consumer_id = ?""")
			.param(id.value())
			.query((row, number) -> new Snapshot(id, row.getString("status"),
					new Money(row.getBigDecimal("order_limit_amount"), Currency.getInstance(row.getString("order_limit_currency"))),
					row.getLong("version")))
			.optional();
	}

	/**
	 * A consumer as consumer-service published it.
	 *
	 * @param status {@code ACTIVE} or {@code SUSPENDED}; kept as a string, so a status added later is
	 *        stored and recognised as one this service cannot judge
	 */
	public record Snapshot(ConsumerId consumerId, String status, Money orderLimit, long version) {

		static final String ACTIVE = "ACTIVE";
		static final String SUSPENDED = "SUSPENDED";

		public Snapshot {
			Objects.requireNonNull(consumerId, "consumerId");
			Objects.requireNonNull(status, "status");
			Objects.requireNonNull(orderLimit, "orderLimit");
		}

		public static Snapshot of(UUID consumerId, String status, BigDecimal limit, String currency, long version) {
			return new Snapshot(new ConsumerId(consumerId), status, new Money(limit, Currency.getInstance(currency)), version);
		}

		/**
		 * The answer consumer-service would give, by its own rules; empty for a status this service does not
		 * know, whose rules it cannot guess.
		 */
		Optional<Verdict> validate(Money orderTotal) {
			if (SUSPENDED.equals(status)) {
				return Optional.of(Verdict.refused("Consumer is suspended"));
			}
			if (!ACTIVE.equals(status)) {
				return Optional.empty();
			}
			if (!orderTotal.hasSameCurrencyAs(orderLimit)) {
				return Optional.of(Verdict.refused("Order currency " + orderTotal.currency()
						+ " differs from the order limit's " + orderLimit.currency()));
			}
			if (orderTotal.isGreaterThan(orderLimit)) {
				return Optional.of(Verdict.refused("Order total " + orderTotal + " exceeds the order limit of " + orderLimit));
			}
			return Optional.of(Verdict.approved());
		}
	}
}
