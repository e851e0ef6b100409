package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFile.map;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** A Prometheus configuration file, read for its scrape jobs, with Prometheus's defaults where a key is left out. */
record PrometheusConfig(Map<String, Object> root) {

	/**
	 * One {@code scrape_configs} entry: its static targets and the names it looks up by DNS, each as
	 * {@code host:port}. A DNS name of type A (or AAAA) becomes one target per address it resolves to.
	 */
	record Job(String name, String metricsPath, String scrapeInterval, List<String> staticTargets, List<String> dnsTargets) {

		/** Every {@code host:port} the job scrapes, found by DNS or written down. */
		List<String> targets() {
			return Stream.concat(staticTargets.stream(), dnsTargets.stream()).toList();
		}
	}

	static PrometheusConfig load(Path file) {
		return parse(ConfigFiles.read(file));
	}

	static PrometheusConfig parse(String yaml) {
		return new PrometheusConfig(ConfigFiles.yaml(yaml));
	}

	String scrapeInterval() {
		return String.valueOf(map(root.get("global")).getOrDefault("scrape_interval", "1m"));
	}

	List<Job> jobs() {
		return list(root.get("scrape_configs")).stream().map(ComposeFile::map).map(job -> new Job(
				String.valueOf(job.get("job_name")),
				String.valueOf(job.getOrDefault("metrics_path", "/metrics")),
				String.valueOf(job.getOrDefault("scrape_interval", scrapeInterval())),
				list(job.get("static_configs")).stream().flatMap(config -> list(map(config).get("targets")).stream())
						.map(Objects::toString).toList(),
				list(job.get("dns_sd_configs")).stream().map(ComposeFile::map).filter(PrometheusConfig::resolvesAddresses)
						.flatMap(config -> list(config.get("names")).stream().map(name -> name + ":" + config.get("port")))
						.toList()))
				.toList();
	}

	/** An A or AAAA lookup, which needs a port; the default type SRV takes the port from the record. */
	private static boolean resolvesAddresses(Map<String, Object> dnsConfig) {
		return List.of("A", "AAAA").contains(String.valueOf(dnsConfig.get("type")));
	}

	private static List<?> list(Object value) {
		return value instanceof List<?> list ? list : List.of();
	}
}
