package dev.ftgo.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ftgo.deployment.PromQl.Matcher;
import dev.ftgo.deployment.PromQl.Selector;

/** {@link PromQl} finds every metric an expression selects, and nothing that is not one. */
class PromQlTest {

	@Test
	void findsTheMetricsBetweenFunctionsAggregationsAndLabelLists() {
		List<Selector> selectors = PromQl.selectors("""
				histogram_quantile(0.99, sum by (le, client_name) (rate(http_client_requests_seconds_bucket{job="order-service",
				  uri=~"/api/.*"}[$__rate_interval]))) / on (job) group_left (version) max(app_info offset 5m) > bool 0.5
				  or sum(rate(spring_cloud_gateway_requests_seconds_count[1m])) without (instance) unless vector(1) and Inf""");

		assertThat(selectors).containsExactly(
				new Selector("http_client_requests_seconds_bucket",
						List.of(new Matcher("job", "=", "order-service"), new Matcher("uri", "=~", "/api/.*"))),
				new Selector("app_info", List.of()),
				new Selector("spring_cloud_gateway_requests_seconds_count", List.of()));
	}

	@Test
	void readsStringsEscapesAndVariablesWithoutTakingThemForMetrics() {
		List<Selector> selectors = PromQl.selectors("""
				label_replace(ftgo_relay_lag_seconds{source!="a \\"quoted\\", {braced} value", quantile='0.99'}, "dst", "$1 sum", "src", "(.*)")
				  * on (job) group_right count_values("version", build_info{job=~"$job"}) + ${factor:raw}""");

		assertThat(selectors).containsExactly(
				new Selector("ftgo_relay_lag_seconds",
						List.of(new Matcher("source", "!=", "a \"quoted\", {braced} value"), new Matcher("quantile", "=", "0.99"))),
				new Selector("build_info", List.of(new Matcher("job", "=~", "$job"))));
	}

	@Test
	void refusesWhatItCannotRead() {
		assertThatIllegalArgumentException().isThrownBy(() -> PromQl.selectors("{__name__=~\"ftgo_.*\"}"))
				.withMessageContaining("a selector without a metric name");
		assertThatIllegalArgumentException().isThrownBy(() -> PromQl.selectors("up{job=api-gateway}"))
				.withMessageContaining("a label matcher it cannot read");
		assertThatIllegalArgumentException().isThrownBy(() -> PromQl.selectors("up{job=\"api-gateway}"))
				.withMessageContaining("an unterminated string");
		assertThatIllegalArgumentException().isThrownBy(() -> PromQl.selectors("rate(up[5m)"))
				.withMessageContaining("no closing ]");
	}
}
