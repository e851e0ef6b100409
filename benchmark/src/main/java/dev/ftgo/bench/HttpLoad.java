package dev.ftgo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/orders} load: closed loop (N clients, each sends its next order when the last one
 * was answered) or open loop (orders at a fixed rate whatever the answers; latency counts from the moment
 * an order was due, so a slow system cannot hide its queueing by slowing the client down).
 */
final class HttpLoad {

	private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * One POST: when it was sent (epoch milliseconds, this machine's clock), seconds since the load began,
	 * its latency, its status (-1 for no answer), the order's id when it was created, and whether a refusal
	 * said when to retry (a problem+json body with {@code Retry-After}).
	 */
	record Sample(double sentAtMillis, double offsetSeconds, double latencyMs, int status, String orderId,
			boolean retryAfter) {
	}

	private final Map<Integer, String> errorExamples = new ConcurrentHashMap<>();
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
	private final URI orders;
	private final Supplier<OrderFixtures.OrderRequest> requests;

	HttpLoad(URI base, Supplier<OrderFixtures.OrderRequest> requests) {
		this.orders = base.resolve("/api/v1/orders");
		this.requests = requests;
	}

	List<Sample> closedLoop(int clients, Duration duration) {
		ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long began = System.nanoTime();
		long deadline = began + duration.toNanos();
		double beganMillis = System.currentTimeMillis();
		for (int client = 0; client < clients; client++) {
			pool.submit(() -> {
				while (System.nanoTime() < deadline) {
					long sent = System.nanoTime();
					HttpResponse<String> response = send();
					samples.add(sample(beganMillis, began, sent, response));
				}
			});
		}
		pool.shutdown();
		await(pool, duration.plus(REQUEST_TIMEOUT));
		return new ArrayList<>(samples);
	}

	List<Sample> fixedRate(double perSecond, Duration duration) {
		return schedule(List.of(new Phase(perSecond, duration)));
	}

	/** A rate held for a while: one step of an open-loop {@link #schedule}. */
	record Phase(double perSecond, Duration duration) {
	}

	/**
	 * Open loop through the phases one after the other, with no gap: each order is sent when due, whatever the
	 * answers to the earlier ones.
	 */
	List<Sample> schedule(List<Phase> phases) {
		List<CompletableFuture<Sample>> inFlight = new ArrayList<>();
		long began = System.nanoTime();
		double beganMillis = System.currentTimeMillis();
		long phaseStart = began;
		for (Phase phase : phases) {
			int count = (int) Math.round(phase.perSecond() * phase.duration().toMillis() / 1000.0);
			for (int i = 0; i < count; i++) {
				long due = phaseStart + (long) (i * 1e9 / phase.perSecond());
				Pause.until(due);
				inFlight.add(http.sendAsync(request(), HttpResponse.BodyHandlers.ofString())
						.handle((response, error) -> sample(beganMillis, began, due, error == null ? response : null)));
			}
			phaseStart += phase.duration().toNanos();
		}
		List<Sample> samples = new ArrayList<>(inFlight.size());
		for (CompletableFuture<Sample> future : inFlight) {
			samples.add(future.join());
		}
		return samples;
	}

	/** How many answers of each status, e.g. {@code {201=1480, 503=2}}; -1 counts requests without an answer. */
	static Map<Integer, Integer> statuses(List<Sample> samples) {
		Map<Integer, Integer> statuses = new TreeMap<>();
		samples.forEach(sample -> statuses.merge(sample.status(), 1, Integer::sum));
		return statuses;
	}

	private HttpResponse<String> send() {
		try {
			return http.send(request(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			return null;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	private HttpRequest request() {
		OrderFixtures.OrderRequest next = requests.get();
		return HttpRequest.newBuilder(orders).timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
				.header("Authorization", next.authorization()).POST(HttpRequest.BodyPublishers.ofString(next.body())).build();
	}

	/** The first answer of each status other than 201, shortened: what a problem+json says went wrong. */
	Map<Integer, String> errorExamples() {
		return new TreeMap<>(errorExamples);
	}

	private Sample sample(double beganMillis, long began, long sent, HttpResponse<String> response) {
		long now = System.nanoTime();
		String orderId = null;
		if (response != null && response.statusCode() == 201) {
			Matcher matcher = ORDER_ID.matcher(response.body());
			orderId = matcher.find() ? matcher.group(1) : null;
		}
		else if (response != null) {
			String body = response.body() == null ? "" : response.body();
			errorExamples.putIfAbsent(response.statusCode(), body.length() > 300 ? body.substring(0, 300) + "…" : body);
		}
		boolean retryAfter = response != null && response.headers().firstValue("Retry-After").isPresent()
				&& response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
		return new Sample(beganMillis + (sent - began) / 1e6, (sent - began) / 1e9, (now - sent) / 1e6,
				response == null ? -1 : response.statusCode(), orderId, retryAfter);
	}

	private static void await(ExecutorService pool, Duration timeout) {
		try {
			if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				pool.shutdownNow();
			}
		}
		catch (InterruptedException e) {
			pool.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}
}
