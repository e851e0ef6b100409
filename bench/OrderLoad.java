import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A small closed-loop load of POST /api/v1/orders against a running stack (./stack), JDK only:
 *
 *   java bench/OrderLoad.java [--base=http://localhost:8080] [--orders=500] [--concurrency=8] [--warmup=50]
 *
 * Prints the latency of POST /orders (p50/p90/p99/max), the throughput, the status codes, and how long
 * it took until every accepted order was APPROVED. Figures are printed, never asserted.
 */
public class OrderLoad {

	private static final Pattern ID = Pattern.compile("\"(consumerId|restaurantId|orderId)\"\\s*:\\s*\"([0-9a-f-]{36})\"");
	private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new ConcurrentHashMap<>(Map.of("base", "http://localhost:8080", "orders", "500",
				"concurrency", "8", "warmup", "50"));
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], pair.length > 1 ? pair[1] : "true");
		}
		String base = options.get("base");
		int orders = Integer.parseInt(options.get("orders"));
		int concurrency = Integer.parseInt(options.get("concurrency"));
		int warmup = Integer.parseInt(options.get("warmup"));
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		String consumerId = id(post(http, base + "/api/v1/consumers", """
				{"name": {"firstName": "Bench", "lastName": "Mark"}, "email": "bench@example.com",
				 "orderLimit": {"amount": "1000000.00", "currency": "USD"}}"""));
		String restaurantId = id(post(http, base + "/api/v1/restaurants", """
				{"name": "Bench Kitchen", "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]}"""));
		String order = "{\"consumerId\": \"" + consumerId + "\", \"restaurantId\": \"" + restaurantId
				+ "\", \"lineItems\": [{\"menuItemId\": \"m1\", \"quantity\": 1}]}";

		run(http, base, order, warmup, concurrency, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(),
				new ConcurrentHashMap<>());
		var latencies = new ConcurrentLinkedQueue<Long>();
		var accepted = new ConcurrentLinkedQueue<String>();
		var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
		long began = System.nanoTime();
		run(http, base, order, orders, concurrency, latencies, accepted, statuses);
		double seconds = (System.nanoTime() - began) / 1e9;

		long approvalBegan = System.nanoTime();
		List<String> pending = new ArrayList<>(accepted);
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (!pending.isEmpty() && System.nanoTime() < deadline) {
			pending.removeIf(id -> {
				var body = get(http, base + "/api/v1/orders/" + id);
				var state = STATE.matcher(body);
				return state.find() && !state.group(1).equals("APPROVAL_PENDING");
			});
		}

		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("POST /api/v1/orders via %s: %d orders, %d concurrent clients (after %d warm-up orders)%n", base,
				orders, concurrency, warmup);
		System.out.printf("  status codes      %s%n", statuses);
		System.out.printf("  throughput        %.1f orders/s%n", orders / seconds);
		System.out.printf("  latency ms        p50 %.1f   p90 %.1f   p99 %.1f   max %.1f%n", pct(sorted, 50), pct(sorted, 90),
				pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
		System.out.printf("  all approved      %s after the last POST (polled, upper bound)%n",
				pending.isEmpty() ? String.format("%.1f s", (System.nanoTime() - approvalBegan) / 1e9)
						: pending.size() + " still pending after 3 min");
	}

	private static void run(HttpClient http, String base, String order, int count, int concurrency,
			ConcurrentLinkedQueue<Long> latencies, ConcurrentLinkedQueue<String> accepted,
			Map<Integer, AtomicInteger> statuses) throws InterruptedException {
		var next = new AtomicInteger();
		var pool = Executors.newFixedThreadPool(concurrency);
		for (int c = 0; c < concurrency; c++) {
			pool.submit(() -> {
				while (next.getAndIncrement() < count) {
					long start = System.nanoTime();
					try {
						var response = http.send(json(base + "/api/v1/orders", order), HttpResponse.BodyHandlers.ofString());
						latencies.add(System.nanoTime() - start);
						statuses.computeIfAbsent(response.statusCode(), ignored -> new AtomicInteger()).incrementAndGet();
						if (response.statusCode() == 201) {
							accepted.add(id(response.body()));
						}
					}
					catch (Exception e) {
						statuses.computeIfAbsent(-1, ignored -> new AtomicInteger()).incrementAndGet();
					}
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(30, TimeUnit.MINUTES);
	}

	private static double pct(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	private static HttpRequest json(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build();
	}

	private static String post(HttpClient http, String url, String body) throws Exception {
		var response = http.send(json(url, body), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private static String get(HttpClient http, String url) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (Exception e) {
			return "";
		}
	}

	private static String id(String body) {
		var matcher = ID.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("no id in " + body);
		}
		return matcher.group(2);
	}
}
