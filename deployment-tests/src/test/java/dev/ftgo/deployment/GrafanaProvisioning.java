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

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Grafana's provisioning directory as Grafana reads it at start: the data sources of {@code datasources/*.yml} and
 * the dashboard providers of {@code dashboards/*.yml}.
 */
record GrafanaProvisioning(List<Map<String, Object>> datasources, List<Map<String, Object>> providers) {

	static GrafanaProvisioning load(Path directory) {
		return new GrafanaProvisioning(entries(directory.resolve("datasources"), "datasources"),
				entries(directory.resolve("dashboards"), "providers"));
	}

	/** The uid of the one Prometheus data source, if there is exactly one. */
	Optional<String> prometheusUid() {
		List<Map<String, Object>> prometheus = prometheusDatasources();
		return prometheus.size() == 1 ? Optional.ofNullable(prometheus.get(0).get("uid")).map(String::valueOf) : Optional.empty();
	}

	List<Map<String, Object>> prometheusDatasources() {
		return datasources.stream().filter(datasource -> "prometheus".equals(datasource.get("type"))).toList();
	}

	private static List<Map<String, Object>> entries(Path directory, String key) {
		List<Map<String, Object>> entries = new ArrayList<>();
		if (!Files.isDirectory(directory)) {
			return entries;
		}
		try (Stream<Path> files = Files.list(directory)) {
			for (Path file : files.filter(file -> file.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
				Object list = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file))).get(key);
				if (list instanceof List<?> items) {
					items.stream().map(ComposeFile::map).forEach(entries::add);
				}
			}
		} catch (IOException e) {
			throw new IllegalStateException("Cannot read " + directory, e);
		}
		return entries;
	}
}
