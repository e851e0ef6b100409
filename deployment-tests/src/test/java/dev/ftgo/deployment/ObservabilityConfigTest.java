package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.ftgo.deployment.ComposeFile.Service;

/**
 * docker/prometheus and docker/grafana, which the compose profile observability runs, keep the rules of
 * {@link ObservabilityChecks} and {@link ProvisioningChecks}: Prometheus scrapes every application where it
 * listens, Grafana reads that Prometheus and the dashboard of this repository, and every metric the dashboard
 * queries is one the applications serve, by the lists {@link ScrapeMetricNames} scraped from them.
 */
class ObservabilityConfigTest {

	private static final String SCRAPE_INTERVAL = "5s";
	private static final ComposeFile COMPOSE = ComposeFile.load(PROJECT_ROOT.resolve("docker-compose.yml"));
	private static final Service PROMETHEUS_SERVICE = COMPOSE.services().get("prometheus");
	private static final Service GRAFANA_SERVICE = COMPOSE.services().get("grafana");
	private static final PrometheusConfig PROMETHEUS = PrometheusConfig.load(PROJECT_ROOT.resolve("docker/prometheus/prometheus.yml"));
	private static final GrafanaDashboard DASHBOARD = GrafanaDashboard.load(PROJECT_ROOT.resolve("docker/grafana/dashboards/ftgo.json"));
	private static final MetricNames METRIC_NAMES = MetricNames.load(MetricNames.DIRECTORY);
	private static final List<String> APPLICATIONS = List.of("api-gateway", "consumer-service", "order-service",
			"kitchen-service", "cdc-relay", "service-registry");

	@Test
	void prometheusScrapesEveryApplicationWhereItListens() {
		assertThat(PROMETHEUS.scrapeInterval()).isEqualTo(SCRAPE_INTERVAL);
		assertThat(ObservabilityChecks.scrapeJobsDisagreeingWithApps(PROMETHEUS, COMPOSE, PROJECT_ROOT, SCRAPE_INTERVAL)).isEmpty();
		assertThat(PROMETHEUS.jobs()).extracting(PrometheusConfig.Job::name).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
	}

	@Test
	void prometheusReadsTheConfigurationOfThisRepository() {
		assertThat(ProvisioningChecks.prometheusConfigNotMounted(COMPOSE, PROJECT_ROOT)).isEmpty();
		assertThat(ProvisioningChecks.hostPath(PROMETHEUS_SERVICE, "/etc/prometheus/prometheus.yml", PROJECT_ROOT))
				.contains(PROJECT_ROOT.resolve("docker/prometheus/prometheus.yml"));
	}

	/** The applications attach trace exemplars to the _count of their timers; Prometheus before 2.43 drops such scrapes. */
	@Test
	void prometheusAcceptsTheExemplarsTheApplicationsSend() {
		Matcher version = Pattern.compile("prom/prometheus:v(\\d+)\\.(\\d+)\\.\\d+").matcher(PROMETHEUS_SERVICE.get("image").orElse(""));
		assertThat(version.matches()).as("a pinned prom/prometheus:vX.Y.Z image").isTrue();
		assertThat(Integer.parseInt(version.group(1)) * 1000 + Integer.parseInt(version.group(2))).isGreaterThanOrEqualTo(2043);
	}

	@Test
	void grafanaReadsThatPrometheusAndTheDashboardsOfThisRepository() {
		assertThat(ProvisioningChecks.grafanaProvisioningDisagreeingWithCompose(COMPOSE, PROJECT_ROOT, SCRAPE_INTERVAL)).isEmpty();
		GrafanaProvisioning provisioning = GrafanaProvisioning.load(PROJECT_ROOT.resolve("docker/grafana/provisioning"));
		assertThat(ProvisioningChecks.hostPath(GRAFANA_SERVICE, ProvisioningChecks.GRAFANA_PROVISIONING, PROJECT_ROOT))
				.contains(PROJECT_ROOT.resolve("docker/grafana/provisioning"));
		assertThat(provisioning.providers()).singleElement()
				.satisfies(provider -> assertThat(ProvisioningChecks.hostPath(GRAFANA_SERVICE,
						String.valueOf(ComposeFile.map(provider.get("options")).get("path")), PROJECT_ROOT))
						.contains(PROJECT_ROOT.resolve("docker/grafana/dashboards")));
	}

	@Test
	void everyPanelQueriesTheProvisionedPrometheus() {
		String uid = GrafanaProvisioning.load(PROJECT_ROOT.resolve("docker/grafana/provisioning")).prometheusUid().orElseThrow();

		assertThat(DASHBOARD.panels()).hasSizeGreaterThanOrEqualTo(10);
		assertThat(ObservabilityChecks.panelsWithoutDatasourceOrQuery(DASHBOARD, uid)).isEmpty();
	}

	@Test
	void everyMetricTheDashboardQueriesIsServedByTheApplicationsItSelects() {
		assertThat(ObservabilityChecks.unknownMetrics(DASHBOARD, METRIC_NAMES)).isEmpty();
	}

	/** The flows the dashboard shows (docs/observability.md); a panel deleted by mistake fails here. */
	@Test
	void dashboardCoversTheFlows() {
		List<String> metrics = DASHBOARD.panels().stream().flatMap(panel -> panel.queries().stream())
				.flatMap(query -> PromQl.selectors(query.expr()).stream()).map(PromQl.Selector::metric).distinct().toList();

		assertThat(metrics).contains("spring_cloud_gateway_requests_seconds_count", "http_server_requests_seconds_bucket",
				"http_server_requests_seconds_count", "resilience4j_circuitbreaker_state",
				"resilience4j_bulkhead_available_concurrent_calls", "ftgo_relay_records_total", "ftgo_relay_lag_seconds",
				"ftgo_relay_slot_backlog_bytes", "kafka_consumer_fetch_manager_records_lag", "jvm_memory_used_bytes");
	}

	/** One list per scraped application, each from a real scrape (it says so, and holds what every process serves). */
	@Test
	void metricNameListsWereScrapedFromEveryApplication() throws IOException {
		assertThat(METRIC_NAMES.apps()).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
		for (String app : APPLICATIONS) {
			String list = Files.readString(MetricNames.DIRECTORY.resolve(app + ".txt"));
			assertThat(list).as(app).contains("ScrapeMetricNames.java").containsPattern("(?m)^# scraped \\d{4}-\\d\\d-\\d\\dT");
			assertThat(METRIC_NAMES.labels(app, "jvm_memory_used_bytes")).as(app).hasValueSatisfying(labels -> assertThat(labels).contains("area", "id"));
			assertThat(METRIC_NAMES.labels(app, "process_uptime_seconds")).as(app).isPresent();
		}
	}
}
