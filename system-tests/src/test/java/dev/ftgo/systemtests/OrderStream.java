package dev.ftgo.systemtests;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ftgo.testsupport.ApiClient;

/**
 * A steady stream of {@code POST /api/v1/orders} through the gateway at a fixed rate, kept up while a
 * fault is injected, each sent with the consumer's own token. Each request runs on a worker of its own,
 * so a slow answer does not slow the stream: the load is open, like real clients, not closed. Records
 * which orders were accepted and every answer that was not a 201. One consumer is one client to the
 * gateway's rate limit: a stack that streams near or above it must lift the limit (see
 * {@link SystemStack#RATE_LIMIT_OUT_OF_THE_WAY}).
 */
final class OrderStream implements AutoCloseable {

	/** An answer other than 201 and how long it took; status -1 when no answer came at all. */
	record Refusal(long sentAtMs, int status, String contentType, String retryAfter, long latencyMs, String body) {
		@Override
		public String toString() {
			return status + " " + contentType + " " + body + " (sent at +" + sentAtMs + " ms, answered after "
					+ latencyMs + " ms)";
		}
	}

	private static final String ONE_CURRY = "[{\"menuItemId\": \"m1\", \"quantity\": 1}]";

	private final Fixtures fixtures;
	private final boolean keyed;
	private final String consumerId;
	private final String restaurantId;
	private final long startedAt = System.nanoTime();
	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
	private final ExecutorService workers = Executors.newCachedThreadPool();
	private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
	private final ConcurrentLinkedQueue<Refusal> refused = new ConcurrentLinkedQueue<>();
	private final ConcurrentLinkedQueue<Long> latenciesMs = new ConcurrentLinkedQueue<>();
	private final AtomicInteger sent = new AtomicInteger();
	private final ConcurrentLinkedQueue<String> resent = new ConcurrentLinkedQueue<>();
	private long slowestMs = -1;
	private long slowestSentAtMs;

	private OrderStream(Fixtures fixtures, boolean keyed, String consumerId, String restaurantId) {
		this.fixtures = fixtures;
		this.keyed = keyed;
		this.consumerId = consumerId;
		this.restaurantId = restaurantId;
	}

	/** Starts placing one order of {@code consumerId} at {@code restaurantId} every {@code 1000 / perSecond} ms. */
	static OrderStream start(Fixtures fixtures, String consumerId, String restaurantId, int perSecond) {
		return start(fixtures, false, consumerId, restaurantId, perSecond);
	}

	/**
	 * As {@link #start(Fixtures, String, String, int)}, each order with an {@code Idempotency-Key} of its own: a
	 * request whose answer was lost may then be sent again (by the gateway, to another instance) without placing a
	 * second order.
	 */
	static OrderStream startKeyed(Fixtures fixtures, String consumerId, String restaurantId, int perSecond) {
		return start(fixtures, true, consumerId, restaurantId, perSecond);
	}

	private static OrderStream start(Fixtures fixtures, boolean keyed, String consumerId, String restaurantId,
			int perSecond) {
		var stream = new OrderStream(fixtures, keyed, consumerId, restaurantId);
		stream.clock.scheduleAtFixedRate(() -> stream.workers.execute(stream::placeOne), 0, 1000 / perSecond,
				TimeUnit.MILLISECONDS);
		return stream;
	}

	private void placeOne() {
		sent.incrementAndGet();
		long sentAt = System.nanoTime();
		long sentAtMs = (sentAt - startedAt) / 1_000_000;
		try {
			ApiClient.Response placed = keyed ? placeKeyed(sentAtMs) : fixtures.placeOrder(consumerId, restaurantId, ONE_CURRY);
			long latencyMs = (System.nanoTime() - sentAt) / 1_000_000;
			latenciesMs.add(latencyMs);
			noteIfSlowest(sentAtMs, latencyMs);
			if (placed.status() == 201) {
				accepted.add(placed.json().get("orderId").asString());
			}
			else {
				refused.add(new Refusal(sentAtMs, placed.status(), placed.contentType(),
						placed.raw().headers().firstValue("Retry-After").orElse(null), latencyMs, placed.raw().body()));
			}
		}
		catch (UncheckedIOException e) {
			refused.add(new Refusal(sentAtMs, -1, "", null, (System.nanoTime() - sentAt) / 1_000_000, e.getMessage()));
		}
	}

	/**
	 * A keyed placement, sent once more with the same key when its answer broke off: an instance killed while it
	 * answered leaves the client a cut-off response the gateway cannot take back once it has passed the headers on,
	 * and the key is what makes sending it again safe (the order is placed once, whichever attempt placed it). An
	 * answer that is an HTTP status, 503 included, is never sent again.
	 */
	private ApiClient.Response placeKeyed(long sentAtMs) {
		String key = UUID.randomUUID().toString();
		try {
			return fixtures.placeKeyedOrder(consumerId, restaurantId, ONE_CURRY, key);
		}
		catch (UncheckedIOException brokenOff) {
			resent.add(sentAtMs + " ms: " + brokenOff.getMessage());
			return fixtures.placeKeyedOrder(consumerId, restaurantId, ONE_CURRY, key);
		}
	}

	private synchronized void noteIfSlowest(long sentAtMs, long latencyMs) {
		if (latencyMs > slowestMs) {
			slowestMs = latencyMs;
			slowestSentAtMs = sentAtMs;
		}
	}

	/** The slowest answer so far, as "N ms, sent at +M ms" on the clock of {@link #elapsedMs()}. */
	synchronized String slowest() {
		return slowestMs + " ms, sent at +" + slowestSentAtMs + " ms";
	}

	/** Stops sending and waits for the answers to the requests already sent. */
	void stop() {
		clock.shutdownNow();
		workers.shutdown();
		try {
			if (!workers.awaitTermination(2, TimeUnit.MINUTES)) {
				throw new IllegalStateException("Requests of the order stream still unanswered after 2 minutes");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Milliseconds since the stream started, on the clock of {@link Refusal#sentAtMs()}. */
	long elapsedMs() {
		return (System.nanoTime() - startedAt) / 1_000_000;
	}

	int sent() {
		return sent.get();
	}

	int acceptedCount() {
		return accepted.size();
	}

	List<String> accepted() {
		return new ArrayList<>(accepted);
	}

	/** The keyed requests sent a second time because their first answer broke off: when each was sent, and why. */
	List<String> resent() {
		return new ArrayList<>(resent);
	}

	List<Refusal> refused() {
		return new ArrayList<>(refused);
	}

	/** Latencies of every answered request, sorted. */
	List<Long> latenciesMs() {
		var sorted = new ArrayList<>(latenciesMs);
		sorted.sort(null);
		return sorted;
	}

	@Override
	public void close() {
		clock.shutdownNow();
		workers.shutdownNow();
	}
}
