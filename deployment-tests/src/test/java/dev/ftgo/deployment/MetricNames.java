package dev.ftgo.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Prometheus samples each application serves, as {@link ScrapeMetricNames} scraped them from the running
 * applications into {@code metric-names/<app>.txt}: app to sample name to its label names.
 */
record MetricNames(Map<String, Map<String, Set<String>>> byApp) {

	static final Path DIRECTORY = ComposeFileTest.PROJECT_ROOT.resolve("deployment-tests/src/test/resources/metric-names");

	static MetricNames load(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			Map<String, Map<String, Set<String>>> byApp = new TreeMap<>();
			files.filter(file -> file.getFileName().toString().endsWith(".txt")).forEach(file -> byApp
					.put(file.getFileName().toString().replaceFirst("\\.txt$", ""), parse(read(file))));
			return new MetricNames(byApp);
		} catch (IOException e) {
			throw new IllegalStateException("Cannot list " + directory, e);
		}
	}

	/** Lines of {@code sample_name label label ...}; {@code #} starts a comment line. */
	static Map<String, Set<String>> parse(List<String> lines) {
		Map<String, Set<String>> samples = new LinkedHashMap<>();
		lines.stream().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
			String[] words = line.split("\\s+");
			samples.put(words[0], Set.copyOf(Arrays.asList(words).subList(1, words.length)));
		});
		return samples;
	}

	/** The label names of {@code sample} in {@code app}, if that application serves it. */
	Optional<Set<String>> labels(String app, String sample) {
		return Optional.ofNullable(byApp.getOrDefault(app, Map.of()).get(sample));
	}

	Set<String> apps() {
		return byApp.keySet();
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		} catch (IOException e) {
			throw new IllegalStateException("Cannot read " + file, e);
		}
	}
}
