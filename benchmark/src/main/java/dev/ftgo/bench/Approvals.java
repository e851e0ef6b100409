package dev.ftgo.bench;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Watches {@code order.events} for the outcome of each order: {@code OrderApproved} or
 * {@code OrderRejected}, keyed by order id, with the record's timestamp (the relay's producer stamps it
 * when it sends, on this machine's clock).
 */
final class Approvals implements AutoCloseable {

	static final String TOPIC = "order.events";

	record Outcome(boolean approved, long timestampMillis) {
	}

	private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
	private final TopicTail tail;

	Approvals(String bootstrapServers) {
		tail = TopicTail.from(bootstrapServers, TOPIC, record -> {
			String type = TopicTail.header(record, "type");
			if ("OrderApproved".equals(type) || "OrderRejected".equals(type)) {
				outcomes.putIfAbsent(record.key(), new Outcome("OrderApproved".equals(type), record.timestamp()));
			}
		});
	}

	Outcome of(String orderId) {
		return outcomes.get(orderId);
	}

	/** Waits until every order has an outcome or {@code seconds} pass; returns how many still have none. */
	long await(Collection<String> orderIds, int seconds) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (true) {
			long pending = orderIds.stream().filter(Objects::nonNull).filter(id -> !outcomes.containsKey(id)).count();
			if (pending == 0 || System.nanoTime() > deadline) {
				return pending;
			}
			Pause.millis(200);
		}
	}

	@Override
	public void close() {
		tail.close();
	}
}
