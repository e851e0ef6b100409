package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The alert rules (k8s/monitoring/alerts.yml) name only metrics and labels the applications serve, cover what
 * an operator of the asynchronous path must hear about, and reach both Prometheus deployments. That each rule
 * fires when it should is promtool's test (alerts.test.yml, run by .ci/run).
 */
class AlertRulesTest {

	private static final AlertRules ALERTS = AlertRules.load(PROJECT_ROOT.resolve("k8s/monitoring/alerts.yml"));

	@Test
	void everyMetricAnAlertSelectsIsServedByTheApplications() {
		assertThat(ObservabilityChecks.unknownMetrics(ALERTS, MetricNames.load(MetricNames.DIRECTORY))).isEmpty();
	}

	@Test
	void reportsAMetricNoApplicationServes() {
		var madeUp = AlertRules.parse("""
				groups:
				  - name: g
				    rules:
				      - alert: MadeUp
				        expr: rate(ftgo_no_such_metric_total[5m]) > 0""");

		assertThat(ObservabilityChecks.unknownMetrics(madeUp, MetricNames.load(MetricNames.DIRECTORY)))
			.containsExactly("alert MadeUp selects ftgo_no_such_metric_total, which no application serves");
	}

	@Test
	void coverTheRelayTheSlotsDeadLettersBreakersAndLag() {
		assertThat(ALERTS.rules()).extracting(AlertRules.Rule::alert).contains("RelaySourceNotStreaming", "RelayDown",
				"RelaySlotBacklogHigh", "RelaySlotLost", "MessagesDeadLettered", "CircuitBreakerOpen", "ConsumerLagGrowing");
	}

	@Test
	void composeAndKubernetesLoadTheSameFile() {
		var prometheus = ComposeFile.load(PROJECT_ROOT.resolve("docker-compose.yml")).services().get("prometheus");
		assertThat(prometheus.get("volumes").orElseThrow())
			.contains("./k8s/monitoring/alerts.yml:/etc/prometheus/alerts.yml");
		assertThat(PrometheusConfig.load(PROJECT_ROOT.resolve("docker/prometheus/prometheus.yml")).root().get("rule_files"))
			.asList().containsExactly("/etc/prometheus/alerts.yml");
		var monitoring = Kustomization.load(PROJECT_ROOT.resolve("k8s/monitoring"));
		assertThat(monitoring.unknownFields()).isEmpty();
		assertThat(monitoring.root().get("configMapGenerator")).asString().contains("ftgo-prometheus-alerts", "alerts.yml");
	}
}
