package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.ftgo.devstack.StackLayout;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walkthrough's shape, checked without a stack: it reads as a tutorial, every request asserts its answer, and
 * nothing refers to a variable no one sets. {@link DevStackCliIT} runs it for real.
 */
class PostmanCollectionTest {

	private static final Pattern VARIABLE = Pattern.compile("\\{\\{([^{}$]+)}}");

	private final Path postman = StackLayout.detect().projectRoot().resolve("postman");
	private final JsonNode collection = read(postman.resolve("ftgo.postman_collection.json"));
	private final JsonNode environment = read(postman.resolve("ftgo-local.postman_environment.json"));

	@Test
	void isAPostmanV21CollectionWithAnEnvironmentForTheLocalStack() {
		assertThat(collection.at("/info/schema").asString())
				.isEqualTo("https://schema.getpostman.com/json/collection/v2.1.0/collection.json");
		assertThat(environment.get("values").valueStream().map(value -> value.get("key").asString()))
				.containsExactlyInAnyOrder("baseUrl", "identityUrl");
	}

	@Test
	void describesEveryFolderAndRequest() {
		assertThat(collection.at("/info/description").asString()).isNotBlank();
		for (var folder : collection.get("item")) {
			assertThat(folder.path("description").asString()).as(folder.get("name").asString()).isNotBlank();
		}
		for (var request : requests()) {
			assertThat(request.at("/request/description").asString()).as(request.get("name").asString()).isNotBlank();
		}
	}

	@Test
	void assertsTheStatusOfEveryAnswer() {
		for (var request : requests()) {
			assertThat(script(request, "test")).as(request.get("name").asString())
					.contains("pm.test(").containsPattern("to\\.have\\.status\\(\\d{3}\\)");
		}
	}

	/** Polling requests repeat themselves by name, so a name must say which request it is. */
	@Test
	void namesEveryRequestOnce() {
		Set<String> seen = new HashSet<>();
		assertThat(requests()).allSatisfy(request -> assertThat(seen.add(request.get("name").asString()))
				.as("another request is named %s", request.get("name").asString()).isTrue());
	}

	/**
	 * The collection's pre-request script restarts the attempt count for every request not named "… (polls)"; a
	 * polling request named otherwise would never reach its limit and poll forever.
	 */
	@Test
	void namesEveryPollingRequestSo() {
		for (var request : requests()) {
			assertThat(script(request, "test").contains("setNextRequest(")).as(request.get("name").asString())
					.isEqualTo(request.get("name").asString().endsWith("(polls)"));
		}
	}

	@Test
	void usesOnlyVariablesItDefines() {
		Set<String> defined = new TreeSet<>();
		collection.get("variable").forEach(variable -> defined.add(variable.get("key").asString()));
		environment.get("values").forEach(value -> defined.add(value.get("key").asString()));
		Set<String> used = new TreeSet<>();
		for (var request : requests()) {
			var matcher = VARIABLE.matcher(request.get("request").toString());
			while (matcher.find()) {
				used.add(matcher.group(1));
			}
		}
		assertThat(defined).containsAll(used);
	}

	private List<JsonNode> requests() {
		List<JsonNode> requests = new ArrayList<>();
		for (var folder : collection.get("item")) {
			folder.get("item").forEach(requests::add);
		}
		return requests;
	}

	private static String script(JsonNode request, String listen) {
		return request.get("event").valueStream().filter(event -> event.get("listen").asString().equals(listen))
				.flatMap(event -> event.at("/script/exec").valueStream()).map(JsonNode::asString)
				.reduce("", (all, line) -> all + line + "\n");
	}

	private static JsonNode read(Path file) {
		try {
			return JsonMapper.builder().build().readTree(Files.readString(file));
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
