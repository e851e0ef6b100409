package dev.ftgo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Keeps a service's published OpenAPI document equal to the snapshot committed beside the code, so an API change
 * shows up in review as a diff of {@code docs/openapi/*.json} and never slips out unnoticed. The comparison is of
 * JSON trees: object key order and formatting do not matter, and the parts that change from run to run
 * ({@code servers}, which holds the random port) are left out.
 *
 * <p>Run the tests with {@code -Dftgo.openapi.write=true} to (re)write the snapshots from the live documents instead;
 * they are written pretty-printed with keys sorted, so a regenerated file differs only where the API does.
 */
public final class OpenApiSnapshot {

	/** The switch that turns every check into a (re)write of the snapshot. */
	public static final String WRITE_PROPERTY = "ftgo.openapi.write";

	/** Top-level members that depend on how the service was started, not on its API. */
	private static final Set<String> VOLATILE = Set.of("servers");

	private static final int MAX_REPORTED_DIFFERENCES = 25;
	private static final int MAX_VALUE_LENGTH = 80;
	private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private OpenApiSnapshot() {
	}

	/**
	 * Fails unless the document served at {@code liveDocument} equals {@code committedFile}, listing where they
	 * differ; with {@code -Dftgo.openapi.write=true}, writes the live document to {@code committedFile} instead.
	 */
	public static void assertMatches(URI liveDocument, Path committedFile) {
		var live = normalized(fetch(liveDocument));
		if (Boolean.getBoolean(WRITE_PROPERTY)) {
			write(live, committedFile);
			return;
		}
		if (!Files.exists(committedFile)) {
			throw new AssertionError("No OpenAPI snapshot at " + committedFile.toAbsolutePath().normalize()
					+ " for " + liveDocument + "; create it by running the tests with -D" + WRITE_PROPERTY + "=true");
		}
		var committed = normalized(read(committedFile));
		if (committed.equals(live)) {
			return;
		}
		var differences = new ArrayList<String>();
		compare("", committed, live, differences);
		var report = new StringBuilder("The OpenAPI document at ").append(liveDocument)
			.append(" differs from ").append(committedFile.normalize()).append(" (- committed, + live, ~ changed):");
		differences.stream().limit(MAX_REPORTED_DIFFERENCES).forEach(line -> report.append("\n  ").append(line));
		if (differences.size() > MAX_REPORTED_DIFFERENCES) {
			report.append("\n  ... and ").append(differences.size() - MAX_REPORTED_DIFFERENCES).append(" more");
		}
		report.append("\nIf the API change is intended, regenerate the snapshot with -D").append(WRITE_PROPERTY)
			.append("=true and commit it.");
		throw new AssertionError(report.toString());
	}

	private static JsonNode fetch(URI document) {
		try {
			var response = HTTP.send(HttpRequest.newBuilder(document).header("Accept", "application/json")
				.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new AssertionError(
						"GET " + document + " answered " + response.statusCode() + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static JsonNode read(Path file) {
		try {
			return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(JsonNode document, Path file) {
		try {
			if (file.toAbsolutePath().getParent() != null) {
				Files.createDirectories(file.toAbsolutePath().getParent());
			}
			Files.writeString(file, JSON.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Without the volatile members, and with every object's keys sorted, so that writing it is stable. */
	private static JsonNode normalized(JsonNode document) {
		var sorted = sorted(document);
		if (sorted instanceof ObjectNode object) {
			VOLATILE.forEach(object::remove);
		}
		return sorted;
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			var copy = JSON.createObjectNode();
			new TreeSet<>(node.propertyNames()).forEach(name -> copy.set(name, sorted(node.get(name))));
			return copy;
		}
		if (node.isArray()) {
			var copy = JSON.createArrayNode();
			node.values().forEach(element -> copy.add(sorted(element)));
			return copy;
		}
		return node;
	}

	private static void compare(String path, JsonNode committed, JsonNode live, List<String> differences) {
		if (committed.equals(live)) {
			return;
		}
		if (committed.isObject() && live.isObject()) {
			var names = new TreeSet<String>(committed.propertyNames());
			names.addAll(live.propertyNames());
			for (var name : names) {
				var child = path + member(path, name);
				if (!live.has(name)) {
					differences.add("- " + child);
				}
				else if (!committed.has(name)) {
					differences.add("+ " + child + ": " + shortened(live.get(name)));
				}
				else {
					compare(child, committed.get(name), live.get(name), differences);
				}
			}
		}
		else if (committed.isArray() && live.isArray() && committed.size() == live.size()) {
			for (int i = 0; i < committed.size(); i++) {
				compare(path + "[" + i + "]", committed.get(i), live.get(i), differences);
			}
		}
		else {
			differences.add("~ " + (path.isEmpty() ? "(document)" : path) + ": " + shortened(committed) + " -> "
					+ shortened(live));
		}
	}

	private static String member(String path, String name) {
		return PLAIN_KEY.matcher(name).matches() ? (path.isEmpty() ? "" : ".") + name : "[\"" + name + "\"]";
	}

	private static String shortened(JsonNode value) {
		var text = value.toString();
		return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH - 3) + "...";
	}
}
