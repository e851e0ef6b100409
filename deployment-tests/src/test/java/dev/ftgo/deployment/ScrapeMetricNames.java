package dev.ftgo.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code deployment-tests/src/test/resources/metric-names/<app>.txt}: every sample name each application
 * serves on {@code /actuator/prometheus}, with its label names, scraped from a running {@code ./stack}. The
 * dashboard check ({@link ObservabilityChecks#unknownMetrics}) reads these lists, so they have to come from the real
 * applications, never be typed in. JDK only; from the project root, with the stack up:
 *
 * <pre>
 *   java deployment-tests/src/test/java/dev/ftgo/deployment/ScrapeMetricNames.java [--orders=30] [--gateway-port=8080 ...]
 * </pre>
 *
 * The port options are the launcher's ({@code --consumer-port}, {@code --order-port}, {@code --kitchen-port},
 * {@code --relay-port}, {@code --registry-port}, {@code --identity-port}); the tokens come from the stack's
 * development identity ({@code POST /tokens}). Many meters exist only once they have measured something, so it
 * first places orders through the gateway and waits for their approval (Kafka listeners, the relay, HTTP clients,
 * breakers, bulkheads and retries), then waits for the per-partition consumer lag, which Micrometer binds on its
 * periodic refresh of the Kafka client's metrics (every 10 s in these applications).
 */
public final class ScrapeMetricNames {

	/** Compose service name (and Prometheus job) to the launcher's port option and its default. */
	static final Map<String, Map.Entry<String, Integer>> APPS = apps();

	private static final List<String> KAFKA_CONSUMERS = List.of("consumer-service", "order-service", "kitchen-service");
	private static final Pattern LOCATION_ID = Pattern.compile("/([0-9a-f-]{36})$");
	private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ScrapeMetricNames() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>(Map.of("orders", "30"));
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], pair.length > 1 ? pair[1] : "");
		}
		Map<String, String> bases = new LinkedHashMap<>();
		APPS.forEach((app, port) -> bases.put(app,
				"http://localhost:" + options.getOrDefault(port.getKey(), String.valueOf(port.getValue()))));
		int orders = Integer.parseInt(options.get("orders"));

		String identity = "http://127.0.0.1:" + options.getOrDefault("identity-port", "8090") + "/tokens";
		placeOrders(bases.get("api-gateway"), identity, orders);
		awaitPerPartitionLag(bases);
		Path directory = Path.of("deployment-tests/src/test/resources/metric-names");
		Files.createDirectories(directory);
		String provenance = "scraped " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " after " + orders
				+ " orders, from a build of " + gitDescription();
		for (Map.Entry<String, String> app : bases.entrySet()) {
			SortedMap<String, Set<String>> samples = samples(get(app.getValue() + "/actuator/prometheus"));
			Files.writeString(directory.resolve(app.getKey() + ".txt"), render(app.getKey(), provenance, samples));
			System.out.printf("%-17s %4d sample names -> %s%n", app.getKey(), samples.size(), directory.resolve(app.getKey() + ".txt"));
		}
	}

	/**
	 * Sample name to the label names seen on it, from the Prometheus text exposition format. Label values are read
	 * as quoted strings with escapes, since a URI template such as {@code /api/v1/orders/{orderId}} holds braces.
	 */
	static SortedMap<String, Set<String>> samples(String exposition) {
		SortedMap<String, Set<String>> samples = new TreeMap<>();
		for (String line : exposition.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int i = 0;
			while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
				i++;
			}
			Set<String> labels = samples.computeIfAbsent(line.substring(0, i), name -> new TreeSet<>());
			if (i < line.length() && line.charAt(i) == '{') {
				i++;
				while (line.charAt(i) != '}') {
					int equals = line.indexOf('=', i);
					labels.add(line.substring(i, equals).trim());
					i = equals + 2; // past ="
					while (line.charAt(i) != '"') {
						i += line.charAt(i) == '\\' ? 2 : 1;
					}
					i++;
					if (line.charAt(i) == ',') {
						i++;
					}
				}
			}
		}
		return samples;
	}

	static String render(String app, String provenance, SortedMap<String, Set<String>> samples) {
		StringBuilder text = new StringBuilder();
		text.append("# The Prometheus samples ").append(app).append(" serves on /actuator/prometheus: one a line, the sample\n")
				.append("# name, then the label names seen on it. Generated from the running application; do not edit.\n")
				.append("# Regenerate after changing what an application measures: start ./stack, then from the project root\n")
				.append("#   java deployment-tests/src/test/java/dev/ftgo/deployment/ScrapeMetricNames.java\n")
				.append("# (it places orders first, so that meters created on first use exist). ObservabilityConfigTest checks\n")
				.append("# every metric docker/grafana/dashboards/ftgo.json queries against this list.\n")
				.append("# ").append(provenance).append('\n');
		samples.forEach((name, labels) -> text.append(name).append(labels.isEmpty() ? "" : " " + String.join(" ", labels))
				.append('\n'));
		return text.toString();
	}

	private static void placeOrders(String gateway, String identity, int orders) throws Exception {
		String admin = token(identity, "{\"role\": \"admin\"}");
		String consumerId = created(gateway + "/api/v1/consumers", admin, """
				{"name": {"firstName": "Metric", "lastName": "Names"}, "email": "metrics@example.com",
				 "orderLimit": {"amount": "1000000.00", "currency": "USD"}}""");
		String restaurantId = created(gateway + "/api/v1/restaurants", admin, """
				{"name": "Metric Kitchen", "menu": [{"menuItemId": "m1", "name": "Curry", "price": {"amount": "12.50", "currency": "USD"}}]}""");
		String order = "{\"consumerId\": \"" + consumerId + "\", \"restaurantId\": \"" + restaurantId
				+ "\", \"lineItems\": [{\"menuItemId\": \"m1\", \"quantity\": 1}]}";
		String consumer = token(identity, "{\"role\": \"consumer\", \"consumerId\": \"" + consumerId + "\"}");
		String last = null;
		for (int i = 0; i < orders; i++) {
			last = created(gateway + "/api/v1/orders", consumer, order);
		}
		System.out.printf("placed %d orders through %s%n", orders, gateway);
		if (last != null) {
			String lastOrder = gateway + "/api/v1/orders/" + last;
			await("the last order to leave APPROVAL_PENDING", Duration.ofMinutes(1), () -> {
				Matcher state = STATE.matcher(get(lastOrder, consumer));
				return state.find() && !state.group(1).equals("APPROVAL_PENDING");
			});
		}
	}

	private static void awaitPerPartitionLag(Map<String, String> bases) throws Exception {
		for (String app : KAFKA_CONSUMERS) {
			await(app + "'s per-partition consumer lag", Duration.ofMinutes(3),
					() -> get(bases.get(app) + "/actuator/prometheus").contains("\nkafka_consumer_fetch_manager_records_lag{"));
		}
	}

	private interface Condition {
		boolean holds() throws Exception;
	}

	private static void await(String what, Duration timeout, Condition condition) throws Exception {
		Instant deadline = Instant.now().plus(timeout);
		System.out.printf("waiting for %s%n", what);
		while (!condition.holds()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Gave up after " + timeout + " waiting for " + what);
			}
			// a tool run by hand with the JDK alone (java File.java): no Awaitility on its class path
			Thread.sleep(2_000);
		}
	}

	/** A token from the stack's development identity. */
	private static String token(String identity, String request) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(identity)).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
		Matcher token = TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !token.find()) {
			throw new IllegalStateException("POST " + identity + " answered " + response.statusCode() + ": " + response.body());
		}
		return token.group(1);
	}

	private static String created(String url, String token, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		Matcher id = LOCATION_ID.matcher(location);
		if (response.statusCode() != 201 || !id.find()) {
			throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
		}
		return id.group(1);
	}

	private static String get(String url) throws IOException, InterruptedException {
		return get(url, null);
	}

	private static String get(String url, String tokenOrNull) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(url));
		if (tokenOrNull != null) {
			request.header("Authorization", "Bearer " + tokenOrNull);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
		}
		return response.body();
	}

	/** The commit the applications were built from, and whether the working tree differed from it. */
	private static String gitDescription() {
		try {
			Process head = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
			String commit = new String(head.getInputStream().readAllBytes()).trim();
			Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").start();
			boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
			return head.waitFor() == 0 ? "commit " + commit + (dirty ? " with uncommitted changes" : "") : "an unknown commit";
		} catch (IOException | InterruptedException e) {
			return "an unknown commit";
		}
	}

	private static Map<String, Map.Entry<String, Integer>> apps() {
		Map<String, Map.Entry<String, Integer>> apps = new LinkedHashMap<>();
		apps.put("api-gateway", Map.entry("gateway-port", 8080));
		apps.put("consumer-service", Map.entry("consumer-port", 8081));
		apps.put("order-service", Map.entry("order-port", 8082));
		apps.put("kitchen-service", Map.entry("kitchen-port", 8083));
		apps.put("cdc-relay", Map.entry("relay-port", 8084));
		apps.put("service-registry", Map.entry("registry-port", 8761));
		return apps;
	}
}
