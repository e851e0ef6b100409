package dev.ftgo.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * The relay's own view, read from its {@code /actuator/prometheus}: the sum and count of
 * {@code ftgo_relay_lag_seconds} for one source. Their change over a measurement gives the relay's mean
 * commit-to-acknowledgement lag for exactly that window, which its published percentiles (a sliding
 * window of about two minutes) cannot.
 */
final class RelayMetrics {

	/** The lag timer's totals at one moment. */
	record LagTotals(double sumSeconds, double count) {

		/** The mean lag in milliseconds between {@code earlier} and this reading. */
		OptionalDouble meanMillisSince(LagTotals earlier) {
			double records = count - earlier.count;
			return records <= 0 ? OptionalDouble.empty() : OptionalDouble.of((sumSeconds - earlier.sumSeconds) / records * 1000);
		}
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final URI prometheus;

	RelayMetrics(URI relay) {
		this.prometheus = relay.resolve("/actuator/prometheus");
	}

	LagTotals lag(String source) {
		String text;
		try {
			text = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (java.io.IOException e) {
			return new LagTotals(Double.NaN, Double.NaN);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		return new LagTotals(value(text, "ftgo_relay_lag_seconds_sum", source), value(text, "ftgo_relay_lag_seconds_count", source));
	}

	private static double value(String exposition, String name, String source) {
		String label = "source=\"" + source + "\"";
		return exposition.lines().filter(line -> line.startsWith(name + "{") && line.contains(label)).findFirst()
				.map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).orElse(Double.NaN);
	}
}
