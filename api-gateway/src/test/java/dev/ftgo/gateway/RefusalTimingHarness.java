package dev.ftgo.gateway;

import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.ftgo.testsupport.TestTokens;

/**
 * A timing harness, run by hand and never by the build (its name matches neither Surefire's nor
 * Failsafe's patterns): how long the gateway takes to refuse a request to a service that is at its
 * concurrency limit. order-service is held full by requests that hang; then refusals are sent at a
 * steady rate, and it prints their latency (counted from when each was due, so a queue shows) as p50/p99,
 * and the CPU time per refusal of the busiest threads (the gateway's event loops, but also the client's), which
 * depends less on what else the machine is doing.
 * <pre>
 * ./mvnw -pl api-gateway test -Dtest=RefusalTimingHarness -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * It asserts nothing; docs/bench.md has figures.
 */
@TestPropertySource(properties = { "ftgo.gateway.concurrency-limit.initial-limit=16",
		"ftgo.gateway.concurrency-limit.min-limit=16", "ftgo.gateway.concurrency-limit.max-limit=16",
		// one caller sends them all: its rate limit would answer 429 before the service's limit is reached
		"ftgo.gateway.rate-limit.enabled=false",
		// the held requests hang for the whole run: no timeout may end them and free their places
		"spring.cloud.gateway.server.webflux.httpclient.response-timeout=10m",
		"resilience4j.timelimiter.configs.default.timeout-duration=10m" })
class RefusalTimingHarness extends StubbedServicesTestBase {

	private static final int HELD = 16;
	private static final int[] RATES = { 50, 200 };
	private static final int SECONDS = 10;

	/** Its own client: the held requests must outlast the base class's 20 s timeout. */
	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void printsHowLongARefusalTakes() throws Exception {
		var token = TestTokens.admin();
		orderService.willAnswer(IntStream.range(0, HELD).mapToObj(i -> StubService.Answer.hang())
			.toArray(StubService.Answer[]::new));
		var held = IntStream.range(0, HELD)
			.mapToObj(i -> client.sendAsync(as(token, "/api/v1/orders/held-" + i).build(),
					HttpResponse.BodyHandlers.discarding()))
			.toList();
		await().until(() -> orderService.calls() == HELD);

		// a warm-up: compiled code and open connections on both sides before anything is measured
		run(token, 100, 5);
		for (int rate : RATES) {
			run(token, rate, SECONDS);
		}
		orderService.release();
		held.forEach(answer -> answer.join());
	}

	/** Sends {@code rate} refused requests a second for {@code seconds} and prints what they took. */
	private void run(String token, int rate, int seconds) throws Exception {
		var latencies = new ConcurrentLinkedQueue<Double>();
		var statuses = new ConcurrentLinkedQueue<Integer>();
		int n = rate * seconds;
		var done = new CountDownLatch(n);
		var cpuBefore = cpuNanosByThreadGroup();
		long start = System.nanoTime();
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		var pacer = Executors.newSingleThreadScheduledExecutor();
		try {
			for (int i = 0; i < n; i++) {
				long due = start + i * period;
				HttpRequest request = as(token, "/api/v1/orders/refused").timeout(Duration.ofSeconds(60)).build();
				pacer.schedule(() -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
					.whenComplete((response, error) -> {
						latencies.add((System.nanoTime() - due) / 1e6);
						statuses.add(error == null ? response.statusCode() : -1);
						done.countDown();
					}), due - System.nanoTime(), TimeUnit.NANOSECONDS);
			}
			done.await(seconds + 120L, TimeUnit.SECONDS);
		}
		finally {
			pacer.shutdownNow();
		}
		var cpu = topCpu(cpuBefore, cpuNanosByThreadGroup(), n);
		var sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		Map<Integer, Long> byStatus = statuses.stream()
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		System.out.printf("refusals at %d/s for %d s: n=%d statuses=%s p50=%.1f ms p99=%.1f ms max=%.1f ms; "
				+ "CPU ms per refusal, most used: %s%n", rate, seconds, sorted.length, byStatus, percentile(sorted, 50),
				percentile(sorted, 99), sorted[sorted.length - 1], cpu);
	}

	/** CPU time so far of this JVM's threads by name, the number at the end dropped (reactor-http-epoll-2). */
	private static Map<String, Long> cpuNanosByThreadGroup() {
		var threads = ManagementFactory.getThreadMXBean();
		return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
			.filter(info -> info != null)
			.collect(Collectors.groupingBy(info -> info.getThreadName().replaceAll("[-#]?\\d+$", ""),
					Collectors.summingLong(info -> Math.max(0, threads.getThreadCpuTime(info.getThreadId())))));
	}

	/** The three thread groups that used the most CPU between the two readings, in ms per request. */
	private static String topCpu(Map<String, Long> before, Map<String, Long> after, int requests) {
		return after.entrySet()
			.stream()
			.map(group -> Map.entry(group.getKey(), group.getValue() - before.getOrDefault(group.getKey(), 0L)))
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(3)
			.map(group -> String.format("%s %.2f", group.getKey(), group.getValue() / 1e6 / requests))
			.collect(Collectors.joining(", "));
	}

	private static double percentile(double[] sorted, int p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
	}
}
