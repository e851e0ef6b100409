package dev.ftgo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
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
 * on a machine whose cores the stack and the bench share is most of it. The same reading counts the gateway's
 * garbage-collection pauses ({@code jvm.gc.pause}): each one stops every request in it, answered or refused.
 */
final class GatewayRefusals {

	/**
	 * Cumulative count per bucket bound (seconds) of the refused POSTs at one moment, and the gateway's collection
	 * pauses so far per kind (collector, action, cause); empty when unreadable.
	 */
	record Reading(Map<Double, Double> cumulative, Map<String, Pauses> collections) {

		/**
		 * The bucket bound (ms) under which {@code percentile} % of the refusals since {@code earlier} fell, NaN
		 * when there were none: an upper bound, as exact as the histogram's buckets.
		 */
		double percentileMillisSince(Reading earlier, double percentile) {
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

		double countSince(Reading earlier) {
			return count() - earlier.count();
		}

		/**
		 * The gateway's collections since {@code earlier}. Micrometer keeps each kind's longest pause of the last
		 * minutes, which may predate {@code earlier}; no pause of a kind in the window was longer than all of that
		 * kind's in the window together, so the smaller of the two bounds it.
		 */
		PausesInWindow pausesSince(Reading earlier) {
			long count = 0;
			double seconds = 0;
			double longest = 0;
			for (Map.Entry<String, Pauses> kind : collections.entrySet()) {
				Pauses before = earlier.collections.getOrDefault(kind.getKey(), new Pauses(0, 0, 0));
				double inWindow = kind.getValue().seconds - before.seconds;
				if (kind.getValue().count > before.count) {
					count += Math.round(kind.getValue().count - before.count);
					seconds += inWindow;
					longest = Math.max(longest, Math.min(kind.getValue().longest, inWindow));
				}
			}
			return new PausesInWindow(count, seconds * 1000, longest * 1000);
		}

		private double count() {
			return cumulative.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
		}
	}

	/** One kind of collection pause so far: how many, their seconds in all, the longest of the last minutes. */
	record Pauses(double count, double seconds, double longest) {
	}

	/** The collection pauses of a window: how many, their milliseconds in all, an upper bound of the longest. */
	record PausesInWindow(long count, double millis, double longestAtMostMillis) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%d pauses, %.0f ms in all, the longest at most %.0f ms", count, millis,
					longestAtMostMillis);
		}
	}

	private static final Pattern BUCKET = Pattern
			.compile("^http_server_requests_seconds_bucket\\{(.*)\\} ([0-9.eE+-]+)$");
	private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");
	private static final Pattern GC_PAUSE = Pattern.compile("^jvm_gc_pause_seconds_(count|sum|max)\\{(.*)\\} ([0-9.eE+-]+)$");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final URI prometheus;
	private final BenchTokens tokens;

	GatewayRefusals(URI gateway, BenchTokens tokens) {
		this.prometheus = gateway.resolve("/actuator/prometheus");
		this.tokens = tokens;
	}

	Reading read() {
		String text;
		try {
			text = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10))
					.header("Authorization", "Bearer " + tokens.admin()).build(), HttpResponse.BodyHandlers.ofString())
					.body();
		}
		catch (IOException | RuntimeException e) {
			return parse("");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return parse("");
		}
		return parse(text);
	}

	static Reading parse(String exposition) {
		Map<Double, Double> cumulative = new TreeMap<>();
		Map<String, Pauses> collections = new TreeMap<>();
		exposition.lines().forEach(line -> {
			Matcher pause = GC_PAUSE.matcher(line);
			if (pause.matches()) {
				double value = Double.parseDouble(pause.group(3));
				collections.merge(pause.group(2), switch (pause.group(1)) {
					case "count" -> new Pauses(value, 0, 0);
					case "sum" -> new Pauses(0, value, 0);
					default -> new Pauses(0, 0, value);
				}, (a, b) -> new Pauses(a.count + b.count, a.seconds + b.seconds, Math.max(a.longest, b.longest)));
				return;
			}
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
		return new Reading(cumulative, collections);
	}
}
