package dev.ftgo.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's figures in three forms (docs/bench.md): the printed table, {@code report.json} and
 * {@code report.md} (which embeds the charts and links the flame graphs, written next to it).
 *
 * @param charts file name → SVG text
 * @param profiles CPU profiles of the stack's JVMs under load, each written as an HTML flame graph
 */
record Report(Instant startedAt, double seconds, Machine machine, Map<String, Object> settings, List<Result> results,
		Map<String, String> charts, List<Profiler.Profile> profiles) {

	private static final String CORES = "cores busy: CPU seconds of each process (children included) over the"
			+ " measurement / its wall time; 'other processes' is the rest of the machine, neither the stack nor the bench.";

	private static final String PROFILES = "async-profiler, CPU samples every 10 ms of each thread, attached while a load"
			+ " ran: 'orders' is the closed loops of measurements 3 and 4 (both paths), 'overload' measurement 7, 'drain'"
			+ " measurement 1 from the relay's readiness to the last row. 'samples in': each sample counted once, for the"
			+ " innermost frame of its stack that belongs to one of the parts (so a filter chain or an event loop that wraps"
			+ " everything counts only for its own frames); the hottest frames are those on the CPU themselves.";

	private static final int TITLE = 30;
	private static final int GOAL = 28;
	private static final int STATUS = 12;
	private static final int RESULT = 80;

	void print(PrintStream out) {
		out.println();
		out.println("Machine: " + machine.oneLine());
		out.printf(Locale.ROOT, "%-" + TITLE + "s %-" + GOAL + "s %-" + STATUS + "s %s%n", "Measurement", "Goal", "Status", "Result");
		out.println("-".repeat(TITLE + GOAL + STATUS + 2 + RESULT));
		for (Result result : results) {
			List<String> lines = wrap(result.summary(), RESULT);
			out.printf(Locale.ROOT, "%-" + TITLE + "s %-" + GOAL + "s %-" + STATUS + "s %s%n", result.title(), result.goal().text(),
					result.goal().status().label(), lines.get(0));
			lines.stream().skip(1).forEach(line -> out.println(" ".repeat(TITLE + GOAL + STATUS + 3) + line));
		}
		out.println(CORES);
		Summary.print(results, out);
		out.printf(Locale.ROOT, "(whole run %.0f s)%n", seconds);
	}

	/** Writes report.json, report.md and the charts into {@code dir}. */
	void write(Path dir) {
		try {
			Files.createDirectories(dir);
			Files.writeString(dir.resolve("report.json"), Json.write(asJson()), StandardCharsets.UTF_8);
			Files.writeString(dir.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
			for (Map.Entry<String, String> chart : charts.entrySet()) {
				Files.writeString(dir.resolve(chart.getKey()), chart.getValue(), StandardCharsets.UTF_8);
			}
			for (Profiler.Profile profile : profiles) {
				Files.writeString(dir.resolve(profile.fileName()), profile.html(), StandardCharsets.UTF_8);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the report to " + dir, e);
		}
	}

	private Map<String, Object> asJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("startedAt", startedAt.toString());
		json.put("seconds", Math.round(seconds));
		json.put("machine", machine.asReport());
		json.put("settings", settings);
		json.put("summary", Summary.of(results));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Result result : results) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("id", result.id());
			row.put("title", result.title());
			row.put("summary", result.summary());
			row.put("goal", result.goal().text().isEmpty() ? null : result.goal().text());
			row.put("status", result.goal().status() == Result.Status.NONE ? null : result.goal().status().label());
			row.put("figures", result.figures());
			row.put("note", result.note());
			rows.add(row);
		}
		json.put("results", rows);
		json.put("charts", List.copyOf(charts.keySet()));
		List<Map<String, Object>> flames = new ArrayList<>();
		for (Profiler.Profile profile : profiles) {
			Map<String, Object> flame = new LinkedHashMap<>();
			flame.put("component", profile.component());
			flame.put("load", profile.window());
			flame.put("file", profile.fileName());
			flame.putAll(profile.findings().asReport());
			flames.add(flame);
		}
		json.put("profiles", flames);
		return json;
	}

	private String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# FTGO benchmark, ").append(startedAt).append("\n\n");
		md.append("**Machine:** ").append(machine.oneLine()).append(".  \n");
		md.append("**Settings:** ");
		settings.forEach((key, value) -> md.append('`').append(key).append('=').append(value).append("` "));
		md.append(" \n");
		md.append(String.format(Locale.ROOT, "**Whole run:** %.0f s. Figures are measured once, on this machine; they are not"
				+ " asserted anywhere.%n%n", seconds));
		md.append("| Measurement | Result | Goal | Status |\n|---|---|---|---|\n");
		for (Result result : results) {
			md.append("| ").append(cell(result.title())).append(" | ").append(cell(result.summary())).append(" | ")
					.append(cell(result.goal().text())).append(" | ").append(result.goal().status().label()).append(" |\n");
		}
		md.append('\n').append(CORES).append("\n\n");
		for (String chart : charts.keySet()) {
			md.append("![").append(chart).append("](").append(chart).append(")\n\n");
		}
		if (!profiles.isEmpty()) {
			md.append("## CPU flame graphs\n\n").append(PROFILES).append("\n\n");
			for (Profiler.Profile profile : profiles) {
				md.append("- [").append(profile.component()).append(" under the ").append(profile.window()).append(" load](")
						.append(profile.fileName()).append("): ")
						.append(String.format(Locale.ROOT, "%,d samples; ", profile.findings().samples()))
						.append(cell(profile.findings().oneLine())).append('\n');
			}
			md.append('\n');
		}
		md.append("## How each figure was taken\n\n");
		for (Result result : results) {
			md.append("- **").append(result.title()).append("**: ").append(result.note()).append('\n');
			if (result.figures().get("errorExamples") instanceof Map<?, ?> examples && !examples.isEmpty()) {
				examples.forEach((status, body) -> md.append("  - first ").append(status).append(" answer: `")
						.append(String.valueOf(body).replace('`', '\'').replace('\n', ' ')).append("`\n"));
			}
		}
		return md.toString();
	}

	private static String cell(String text) {
		return text.replace("|", "\\|");
	}

	private static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.length() == 0 ? "" : " ").append(word);
		}
		lines.add(line.toString());
		return lines;
	}
}
