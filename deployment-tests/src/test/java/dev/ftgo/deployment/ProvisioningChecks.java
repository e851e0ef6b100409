package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFile.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.ftgo.deployment.ComposeFile.Service;

/**
 * The files Prometheus and Grafana read in their containers are the ones in this repository: each path their
 * configuration names is mounted by docker-compose.yml from a file or directory that exists, and the
 * provisioned data source is the compose service that runs Prometheus.
 */
final class ProvisioningChecks {

	static final String GRAFANA_PROVISIONING = "/etc/grafana/provisioning";
	/** Where prom/prometheus reads its configuration unless its command says {@code --config.file}. */
	private static final String PROMETHEUS_DEFAULT_CONFIG = "/etc/prometheus/prometheus.yml";

	private ProvisioningChecks() {
	}

	/** The host file or directory that a service sees at {@code containerPath}, through one of its bind mounts. */
	static Optional<Path> hostPath(Service service, String containerPath, Path projectRoot) {
		return service.bindMounts().entrySet().stream()
				.filter(mount -> containerPath.equals(mount.getKey()) || containerPath.startsWith(mount.getKey() + "/"))
				.findFirst().map(mount -> projectRoot.resolve(mount.getValue())
						.resolve(containerPath.substring(mount.getKey().length()).replaceFirst("^/", "")).normalize());
	}

	static Optional<Service> serviceRunning(ComposeFile compose, String image) {
		return compose.services().values().stream().filter(service -> service.get("image").orElse("").startsWith(image + ":"))
				.findFirst();
	}

	/** The configuration file Prometheus reads is mounted from this repository. */
	static List<String> prometheusConfigNotMounted(ComposeFile compose, Path projectRoot) {
		Optional<Service> prometheus = serviceRunning(compose, "prom/prometheus");
		if (prometheus.isEmpty()) {
			return List.of("no service runs prom/prometheus");
		}
		Object command = prometheus.get().definition().get("command");
		List<String> arguments = command instanceof List<?> list ? list.stream().map(String::valueOf).toList()
				: command == null ? List.of() : List.of(String.valueOf(command).split("\\s+"));
		String config = arguments.stream()
				.filter(flag -> flag.startsWith("--config.file=")).map(flag -> flag.substring("--config.file=".length()))
				.findFirst().orElse(PROMETHEUS_DEFAULT_CONFIG);
		return mountedFile(prometheus.get(), config, projectRoot).stream().toList();
	}

	/**
	 * Grafana's provisioning directory is mounted; it provisions one Prometheus data source, the compose service that
	 * runs Prometheus, whose {@code timeInterval} is the scrape interval; every dashboard provider loads a mounted
	 * directory that holds dashboards, and the home dashboard is a mounted file.
	 */
	static List<String> grafanaProvisioningDisagreeingWithCompose(ComposeFile compose, Path projectRoot, String scrapeInterval) {
		Optional<Service> grafana = serviceRunning(compose, "grafana/grafana");
		Optional<Service> prometheus = serviceRunning(compose, "prom/prometheus");
		if (grafana.isEmpty() || prometheus.isEmpty()) {
			return List.of("the compose file runs no grafana/grafana or no prom/prometheus");
		}
		Optional<Path> directory = hostPath(grafana.get(), GRAFANA_PROVISIONING, projectRoot).filter(Files::isDirectory);
		if (directory.isEmpty()) {
			return List.of(grafana.get().name() + " mounts no directory of this repository at " + GRAFANA_PROVISIONING);
		}
		GrafanaProvisioning provisioning = GrafanaProvisioning.load(directory.get());
		List<String> problems = new ArrayList<>();
		List<Map<String, Object>> datasources = provisioning.prometheusDatasources();
		if (datasources.size() != 1) {
			problems.add("Grafana is provisioned with " + datasources.size() + " Prometheus data sources, not one");
		}
		String url = "http://" + prometheus.get().name() + ":9090";
		for (Map<String, Object> datasource : datasources) {
			if (!url.equals(datasource.get("url"))) {
				problems.add("data source " + datasource.get("name") + " reads " + datasource.get("url") + ", not " + url);
			}
			Object timeInterval = map(datasource.get("jsonData")).get("timeInterval");
			if (!scrapeInterval.equals(timeInterval)) {
				problems.add("data source " + datasource.get("name") + " has timeInterval " + timeInterval
						+ ", not the scrape interval " + scrapeInterval);
			}
		}
		if (provisioning.providers().isEmpty()) {
			problems.add("Grafana is provisioned with no dashboards");
		}
		for (Map<String, Object> provider : provisioning.providers()) {
			String path = String.valueOf(map(provider.get("options")).get("path"));
			Optional<Path> dashboards = hostPath(grafana.get(), path, projectRoot);
			if (dashboards.isEmpty() || !holdsDashboards(dashboards.get())) {
				problems.add("dashboard provider " + provider.get("name") + " loads " + path + ", where "
						+ grafana.get().name() + " has no mounted directory of dashboards");
			}
		}
		Optional.ofNullable(grafana.get().environment().get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"))
				.flatMap(home -> mountedFile(grafana.get(), home, projectRoot)).ifPresent(problems::add);
		return problems;
	}

	/** Why {@code service} does not see a file of this repository at {@code containerPath}; empty if it does. */
	private static Optional<String> mountedFile(Service service, String containerPath, Path projectRoot) {
		Optional<Path> file = hostPath(service, containerPath, projectRoot);
		if (file.isEmpty()) {
			return Optional.of(service.name() + " reads " + containerPath + ", which the compose file does not mount");
		}
		return Files.isRegularFile(file.get()) ? Optional.empty()
				: Optional.of(service.name() + " reads " + containerPath + ", mounted from " + projectRoot.relativize(file.get())
						+ ", which is no file");
	}

	private static boolean holdsDashboards(Path directory) {
		if (!Files.isDirectory(directory)) {
			return false;
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.anyMatch(file -> file.toString().endsWith(".json"));
		} catch (IOException e) {
			throw new IllegalStateException("Cannot list " + directory, e);
		}
	}
}
