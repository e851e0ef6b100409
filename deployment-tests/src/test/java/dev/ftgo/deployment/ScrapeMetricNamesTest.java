package dev.ftgo.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;

/** {@link ScrapeMetricNames} reads the exposition format as Prometheus does, and writes what {@link MetricNames} reads. */
class ScrapeMetricNamesTest {

	private static final String EXPOSITION = """
			# HELP http_server_requests_seconds\s
			# TYPE http_server_requests_seconds histogram
			http_server_requests_seconds_bucket{method="GET",uri="/api/v1/orders/{orderId}",le="0.001"} 0
			http_server_requests_seconds_count{error="a \\"quoted\\", message}",method="POST",uri="/api/v1/orders"} 31
			jvm_threads_live_threads 42.0
			process_uptime_seconds 12.5 1700000000000
			""";

	@Test
	void readsSampleNamesAndLabelNamesWhateverTheLabelValuesHold() {
		SortedMap<String, Set<String>> samples = ScrapeMetricNames.samples(EXPOSITION);

		assertThat(samples).containsOnlyKeys("http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
				"jvm_threads_live_threads", "process_uptime_seconds");
		assertThat(samples.get("http_server_requests_seconds_bucket")).containsExactly("le", "method", "uri");
		assertThat(samples.get("http_server_requests_seconds_count")).containsExactly("error", "method", "uri");
		assertThat(samples.get("jvm_threads_live_threads")).isEmpty();
	}

	@Test
	void writesAListThatMetricNamesReadsBack() {
		String list = ScrapeMetricNames.render("order-service", "scraped now", ScrapeMetricNames.samples(EXPOSITION));

		assertThat(list).startsWith("# The Prometheus samples order-service serves").contains("\n# scraped now\n");
		assertThat(MetricNames.parse(List.of(list.split("\n")))).containsExactly(
				entry("http_server_requests_seconds_bucket", Set.of("le", "method", "uri")),
				entry("http_server_requests_seconds_count", Set.of("error", "method", "uri")),
				entry("jvm_threads_live_threads", Set.of()), entry("process_uptime_seconds", Set.of()));
	}
}
