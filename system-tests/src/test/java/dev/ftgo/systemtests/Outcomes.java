package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.IntSupplier;

import dev.ftgo.testsupport.ApiClient;

/**
 * What a fault test waits for and asserts after the fault, read from the databases and the topics
 * ({@link Ledger}) and through the gateway: every accepted order stored, completed exactly once, and the
 * system answering again with every breaker at the edge closed.
 */
final class Outcomes {

	static final Duration RECOVERY = Duration.ofMinutes(3);
	private static final Duration POLL = Duration.ofMillis(250);

	private final Ledger ledger;
	private final ApiClient admin;
	private final EdgeBreakers edgeBreakers;

	Outcomes(Ledger ledger, ApiClient admin, EdgeBreakers edgeBreakers) {
		this.ledger = ledger;
		this.admin = admin;
		this.edgeBreakers = edgeBreakers;
	}

	/** The orders order-service stored for the consumer; every accepted one must be among them. */
	List<String> storedOrders(String consumerId, Collection<String> accepted) {
		var stored = ledger.ordersOf(consumerId);
		assertThat(stored).as("stored orders of the consumer").containsAll(accepted);
		return stored;
	}

	/** Waits until every order is approved and notified; returns the milliseconds since {@code since}. */
	long awaitCompleted(Collection<String> orders, long since) {
		await().atMost(RECOVERY).pollInterval(POLL).until(() -> ledger.completed(orders) == orders.size());
		return (System.nanoTime() - since) / 1_000_000;
	}

	/**
	 * Waits until every order is approved and notified, the consumer, the restaurant, the consumer's orders and the
	 * first order's tickets are read through the gateway again, and every breaker at the edge is closed; returns the
	 * milliseconds since {@code since}.
	 */
	long awaitRecovered(Collection<String> orders, long since, String consumerId, String restaurantId) {
		awaitCompleted(orders, since);
		// the reads also drive a half-open breaker closed: it needs a few successful calls
		await().atMost(RECOVERY).pollInterval(POLL).until(() -> admin.get("/api/v1/consumers/" + consumerId).status() == 200
				&& admin.get("/api/v1/restaurants/" + restaurantId).status() == 200
				&& admin.get("/api/v1/orders?consumerId=" + consumerId).status() == 200
				&& admin.get("/api/v1/tickets?orderId=" + orders.iterator().next()).status() == 200
				&& edgeBreakers.allClosed());
		return (System.nanoTime() - since) / 1_000_000;
	}

	/** Asserts that no order was lost or applied twice, and returns the tally. */
	Ledger.Tally assertExactlyOnce(Collection<String> orders) {
		var tally = ledger.tally(orders);
		assertThat(tally.problems()).as("lost or duplicated orders").isEmpty();
		return tally;
	}

	static void awaitProgress(IntSupplier counter, int atLeast) {
		await().atMost(RECOVERY).pollInterval(Duration.ofMillis(50)).until(() -> counter.getAsInt() >= atLeast);
	}
}
