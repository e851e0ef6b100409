package dev.ftgo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's own view of its refusals: the buckets of its {@code http.server.requests} histogram for the
 * 503 and 429 answers to {@code POST}, read from {@code /actuator/prometheus} (an admin's token) before and
 * after a load. Their difference times the refusals from when the gateway's web handler got each request to
 * when it wrote the answer; beside the latency the client saw, it tells a slow gateway from time spent before
 * the request reached it (the connection, the event loop's queue) or after (the client's own threads), which
 * on a machine whose cores the stack and the bench share is most of it.
 */
final class GatewayRefusals {

	/** Cumulative count per bucket bound (seconds) of the refused POSTs at one moment; empty when unreadable. */
	record Buckets(Map<Double, Double> cumulative) {

		/**
		 * The bucket bound (ms) under which {@code percentile} % of the refusals since {@code earlier} fell, NaN
		 * when there were none: an upper bound, as exact as the histogram's buckets.
		 */
		double percentileMillisSince(Buckets earlier, double percentile) {
			double total = countSince(earlier);
			if (total <= 0) {
				return Double.NaN;
			}
			for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
				double below = bucket.getValue() - earlier.cumulative.getOrDefault(bucket.getKey(), 0.0);
				if (below >= total * percentile / 100) {
					return bucket.getKey() * 1000;
				}
			}
			return Double.POSITIVE_INFINITY;
		}

		double countSince(Buckets earlier) {
			return count() - earlier.count();
		}

		private double count() {
			return cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
		}
	}

	private static final Pattern BUCKET = Pattern
			.compile("^http_server_requests_seconds_bucket\\{(.*)\\} ([0-9.eE+-]+)$");
	private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final URI prometheus;
	private final BenchTokens tokens;

	GatewayRefusals(URI gateway, BenchTokens tokens) {
		this.prometheus = gateway.resolve("/actuator/prometheus");
		this.tokens = tokens;
	}

	Buckets read() {
		String text;
		try {
			text = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10))
					.header("Authorization", "Bearer " + tokens.admin()).build(), HttpResponse.BodyHandlers.ofString())
					.body();
		}
		catch (IOException | RuntimeException e) {
			return new Buckets(Map.of());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return new Buckets(Map.of());
		}
		return parse(text);
	}

	static Buckets parse(String exposition) {
		Map<Double, Double> cumulative = new TreeMap<>();
		exposition.lines().forEach(line -> {
			Matcher bucket = BUCKET.matcher(line);
			if (!bucket.matches()) {
				return;
			}
			String labels = bucket.group(1);
			boolean refusal = labels.contains("status=\"503\"") || labels.contains("status=\"429\"");
			Matcher le = LE.matcher(labels);
			if (!refusal || !labels.contains("method=\"POST\"") || !le.find()) {
				return;
			}
			double bound = "+Inf".equals(le.group(1)) ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
			cumulative.merge(bound, Double.parseDouble(bucket.group(2)), Double::sum);
		});
		return new Buckets(cumulative);
	}
}
