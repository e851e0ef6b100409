package dev.ftgo.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of {@link ProvisioningChecks} fails when a path the tools read is not the repository's file. */
class ProvisioningChecksTest {

	@Test
	void reportsAPrometheusConfigurationThatIsNotMounted(@TempDir Path root) {
		ComposeFile elsewhere = ComposeFile.parse("""
				services:
				  prometheus:
				    image: prom/prometheus:v3.5.0
				    command: [--config.file=/etc/prometheus/ftgo.yml, --storage.tsdb.path=/prometheus]
				    volumes:
				      - ./docker/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro
				""");
		ComposeFile missing = ComposeFile.parse("""
				services:
				  prometheus:
				    image: prom/prometheus:v3.5.0
				    volumes:
				      - ./docker/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro
				""");

		assertThat(ProvisioningChecks.prometheusConfigNotMounted(elsewhere, root)).containsExactly(
				"prometheus reads /etc/prometheus/ftgo.yml, which the compose file does not mount");
		assertThat(ProvisioningChecks.prometheusConfigNotMounted(missing, root)).containsExactly(
				"prometheus reads /etc/prometheus/prometheus.yml, mounted from docker/prometheus/prometheus.yml, which is no file");
		assertThat(ProvisioningChecks.prometheusConfigNotMounted(ComposeFile.parse("services: {}"), root))
				.containsExactly("no service runs prom/prometheus");
	}

	@Test
	void reportsGrafanaProvisioningThatDisagreesWithTheComposeFile(@TempDir Path root) throws IOException {
		ProjectFiles.write(root.resolve("grafana/provisioning/datasources/prometheus.yml"), """
				apiVersion: 1
				datasources:
				  - name: Prometheus
				    type: prometheus
				    url: http://localhost:9090
				    jsonData:
				      timeInterval: 15s
				""");
		ProjectFiles.write(root.resolve("grafana/provisioning/dashboards/ftgo.yml"), """
				apiVersion: 1
				providers:
				  - name: mounted-but-empty
				    options:
				      path: /etc/grafana/dashboards
				  - name: not-mounted
				    options:
				      path: /var/lib/grafana/dashboards
				""");
		Files.createDirectories(root.resolve("grafana/dashboards"));
		ComposeFile compose = prometheusAndGrafana("""
				    environment:
				      GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH: /etc/grafana/dashboards/ftgo.json
				    volumes:
				      - ./grafana/provisioning:/etc/grafana/provisioning:ro
				      - ./grafana/dashboards:/etc/grafana/dashboards:ro
				""");

		assertThat(ProvisioningChecks.grafanaProvisioningDisagreeingWithCompose(compose, root, "5s")).containsExactly(
				"data source Prometheus reads http://localhost:9090, not http://prometheus:9090",
				"data source Prometheus has timeInterval 15s, not the scrape interval 5s",
				"dashboard provider mounted-but-empty loads /etc/grafana/dashboards, where grafana has no mounted directory of dashboards",
				"dashboard provider not-mounted loads /var/lib/grafana/dashboards, where grafana has no mounted directory of dashboards",
				"grafana reads /etc/grafana/dashboards/ftgo.json, mounted from grafana/dashboards/ftgo.json, which is no file");
	}

	@Test
	void reportsGrafanaWithoutItsProvisioningOrADatasource(@TempDir Path root) throws IOException {
		ComposeFile unmounted = prometheusAndGrafana("");
		Files.createDirectories(root.resolve("provisioning"));
		ComposeFile empty = prometheusAndGrafana("""
				    volumes: [./provisioning:/etc/grafana/provisioning]
				""");

		assertThat(ProvisioningChecks.grafanaProvisioningDisagreeingWithCompose(unmounted, root, "5s")).containsExactly(
				"grafana mounts no directory of this repository at /etc/grafana/provisioning");
		assertThat(ProvisioningChecks.grafanaProvisioningDisagreeingWithCompose(empty, root, "5s")).containsExactly(
				"Grafana is provisioned with 0 Prometheus data sources, not one", "Grafana is provisioned with no dashboards");
	}

	/** A compose file of Prometheus and Grafana, Grafana's definition going on with {@code grafana}. */
	private static ComposeFile prometheusAndGrafana(String grafana) {
		return ComposeFile.parse("""
				services:
				  prometheus:
				    image: prom/prometheus:v3.5.0
				  grafana:
				    image: grafana/grafana:12.1.0
				""" + grafana);
	}
}
