package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFileTest.PROJECT_ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;

/** Each check of {@link ObservabilityChecks} fails on a configuration that breaks its rule. */
class ObservabilityChecksTest {

	private static final String PROMETHEUS_DATASOURCE = """
			{"type": "prometheus", "uid": "ftgo-prometheus"}""";

	@Test
	void reportsApplicationsNotScrapedWhereTheyListen() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  order-service:
				    build: {args: {MODULE: order-service}}
				  kitchen-service:
				    build: {args: {MODULE: kitchen-service}}
				  postgres:
				    image: postgres:17
				""");
		PrometheusConfig prometheus = PrometheusConfig.parse("""
				global:
				  scrape_interval: 15s
				scrape_configs:
				  - job_name: order-service
				    static_configs:
				      - targets: [order-service:8080]
				  - job_name: grafana
				    static_configs:
				      - targets: [grafana:3000]
				""");

		assertThat(ObservabilityChecks.scrapeJobsDisagreeingWithApps(prometheus, compose, PROJECT_ROOT, "5s")).containsExactly(
				"job order-service scrapes [order-service:8080], but order-service listens on order-service:8082",
				"job order-service has the static targets [order-service:8080], which reach one instance of order-service"
						+ " at a time; look the name up by DNS (dns_sd_configs, type A)",
				"job order-service reads /metrics, not /actuator/prometheus",
				"job order-service scrapes every 15s, not every 5s",
				"no job scrapes kitchen-service",
				"job grafana scrapes grafana, which is no service of the compose file");
	}

	@Test
	void acceptsEveryInstanceLookedUpByDnsAndReadsTheAddressLookupsOnly() {
		ComposeFile compose = ComposeFile.parse("""
				services:
				  order-service:
				    build: {args: {MODULE: order-service}}
				""");
		PrometheusConfig prometheus = PrometheusConfig.parse("""
				global:
				  scrape_interval: 5s
				scrape_configs:
				  - job_name: order-service
				    metrics_path: /actuator/prometheus
				    dns_sd_configs:
				      - names: [order-service]
				        type: A
				        port: 8082
				      - names: [_metrics._tcp.elsewhere]
				""");

		assertThat(prometheus.jobs()).singleElement().satisfies(job -> {
			assertThat(job.dnsTargets()).containsExactly("order-service:8082");
			assertThat(job.staticTargets()).isEmpty();
		});
		assertThat(ObservabilityChecks.scrapeJobsDisagreeingWithApps(prometheus, compose, PROJECT_ROOT, "5s")).isEmpty();
	}

	@Test
	void reportsPanelsWithoutTheProvisionedDatasourceOrAQuery() {
		GrafanaDashboard dashboard = GrafanaDashboard.parse("""
				{"panels": [
				  {"type": "timeseries", "title": "no data source", "targets": [{"refId": "A", "expr": "up"}]},
				  {"type": "timeseries", "title": "other data source", "datasource": {"type": "prometheus", "uid": "elsewhere"},
				   "targets": [{"refId": "A", "expr": "up"}]},
				  {"type": "row", "title": "a row", "panels": [
				    {"type": "stat", "title": "no query", "datasource": %1$s, "targets": []},
				    {"type": "stat", "title": "empty query", "datasource": %1$s,
				     "targets": [{"refId": "A", "expr": " "}, {"refId": "B", "expr": "up", "datasource": {"type": "loki", "uid": "ftgo-prometheus"}}]}
				  ]},
				  {"type": "timeseries", "title": "fine", "datasource": %1$s, "targets": [{"refId": "A", "expr": "up", "datasource": %1$s}]}
				]}""".formatted(PROMETHEUS_DATASOURCE));

		assertThat(ObservabilityChecks.panelsWithoutDatasourceOrQuery(dashboard, "ftgo-prometheus")).containsExactly(
				"panel 'no data source' has no data source",
				"panel 'other data source' reads data source prometheus/elsewhere, not the provisioned prometheus/ftgo-prometheus",
				"panel 'no query' has no query",
				"panel 'empty query', query A has no expression",
				"panel 'empty query', query B reads data source loki/ftgo-prometheus, not the provisioned prometheus/ftgo-prometheus");
	}

	@Test
	void reportsMetricsAndLabelsTheSelectedApplicationsDoNotServe() {
		MetricNames names = new MetricNames(Map.of(
				"order-service", Map.of("http_server_requests_seconds_count", Set.of("status", "uri")),
				"api-gateway", Map.of("spring_cloud_gateway_requests_seconds_count", Set.of("routeId"),
						"http_server_requests_seconds_count", Set.of("status"))));
		GrafanaDashboard dashboard = GrafanaDashboard.parse("""
				{"templating": {"list": [{"name": "job", "type": "query", "query": "label_values(up, job)"},
				                         {"name": "window", "type": "interval"}]},
				 "panels": [{"type": "timeseries", "title": "t", "datasource": %s, "targets": [
				  {"refId": "A", "expr": "sum by (job) (rate(http_server_requests_seconds_count{status=~\\"5..\\", uri!~\\"/actuator.*\\"}[$__rate_interval]))"},
				  {"refId": "B", "expr": "sum(rate(spring_cloud_gateway_requests_seconds_count{job=~\\"api-gateway|order-service\\"}[1m]))"},
				  {"refId": "C", "expr": "rate(ftgo_orders_placed_total[1m])"},
				  {"refId": "D", "expr": "spring_cloud_gateway_requests_seconds_count{route_id=\\"order-service\\"}"},
				  {"refId": "E", "expr": "up{job=\\"prometheus\\"}"},
				  {"refId": "F", "expr": "{__name__=\\"up\\"}"}
				 ]}]}""".formatted(PROMETHEUS_DATASOURCE));

		assertThat(ObservabilityChecks.unknownMetrics(dashboard, names)).satisfiesExactly(
				variable -> assertThat(variable).isEqualTo("variable job queries the data source, and this check does not read variable queries"),
				app -> assertThat(app).isEqualTo("panel 't', query B selects spring_cloud_gateway_requests_seconds_count, which order-service does not serve"),
				metric -> assertThat(metric).isEqualTo("panel 't', query C selects ftgo_orders_placed_total, which no application serves"),
				label -> assertThat(label).isEqualTo("panel 't', query D matches label route_id of spring_cloud_gateway_requests_seconds_count, which has no such label"),
				job -> assertThat(job).isEqualTo("panel 't', query E selects job prometheus, which has no list of metric names"),
				unreadable -> assertThat(unreadable).startsWith("panel 't', query F: The expression has a selector without a metric name"));
	}

	@Test
	void refusesADashboardThatIsNotJson() {
		assertThatThrownBy(() -> GrafanaDashboard.parse("{\"panels\": [}")).isInstanceOf(JacksonException.class);
	}
}
