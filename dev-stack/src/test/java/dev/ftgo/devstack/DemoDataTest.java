package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** The CLI's demo data against a stand-in gateway that records what it is sent. */
class DemoDataTest {

	private static final String ADMIN_TOKEN = "admin-token";

	@TempDir
	Path runDir;

	private final List<String> requests = new CopyOnWriteArrayList<>();
	private final Map<String, String> bodies = new ConcurrentHashMap<>();
	private final Map<String, Integer> answers = new ConcurrentHashMap<>();
	private final UUID createdId = UUID.randomUUID();
	private HttpServer gateway;
	private Path idsFile;

	@BeforeEach
	void startGateway() throws IOException {
		idsFile = runDir.resolve("data/demo-data.properties");
		gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		gateway.createContext("/", exchange -> {
			try (exchange) {
				String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
				requests.add(request + " " + exchange.getRequestHeaders().getFirst("Authorization"));
				bodies.put(request, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				int status = answers.getOrDefault(request, exchange.getRequestMethod().equals("POST") ? 201 : 404);
				String idField = request.contains("consumers") ? "consumerId" : "restaurantId";
				byte[] body = (status == 201 ? "{\"" + idField + "\": \"" + createdId + "\"}" : "{\"status\": " + status + "}")
						.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		});
		gateway.start();
	}

	@AfterEach
	void stopGateway() {
		gateway.stop(0);
	}

	@Test
	void aFirstStartCreatesTheConsumerAndTheRestaurantWithAnAdminToken() throws IOException {
		DemoData.Seeded seeded = demoData().ensure();

		assertThat(seeded.problems()).isEmpty();
		assertThat(seeded.consumerId()).hasValue(createdId);
		assertThat(seeded.restaurantId()).hasValue(createdId);
		assertThat(requests).containsExactly("POST /api/v1/consumers Bearer admin-token", "POST /api/v1/restaurants Bearer admin-token");
		assertThat(bodies.get("POST /api/v1/consumers")).isEqualTo("{\"name\": {\"firstName\": \"Ada\", \"lastName\": \"Lovelace\"}, "
				+ "\"email\": \"ada@example.com\", \"orderLimit\": {\"amount\": \"500.00\", \"currency\": \"USD\"}}");
		assertThat(bodies.get("POST /api/v1/restaurants")).isEqualTo("{\"name\": \"Curry House\", \"menu\": ["
				+ "{\"menuItemId\": \"m1\", \"name\": \"Chicken Curry\", \"price\": {\"amount\": \"12.50\", \"currency\": \"USD\"}}, "
				+ "{\"menuItemId\": \"m2\", \"name\": \"Garlic Naan\", \"price\": {\"amount\": \"3.50\", \"currency\": \"USD\"}}]}");
		assertThat(Files.readString(idsFile)).contains("consumerId=" + createdId, "restaurantId=" + createdId);
	}

	@Test
	void aRestartReusesWhatTheServicesStillKnow() throws IOException {
		UUID consumerId = knownTo("consumers");
		UUID restaurantId = knownTo("restaurants");
		remember(consumerId, restaurantId);

		DemoData.Seeded seeded = demoData().ensure();

		assertThat(seeded.consumerId()).hasValue(consumerId);
		assertThat(seeded.restaurantId()).hasValue(restaurantId);
		assertThat(requests).containsExactly("GET /api/v1/consumers/" + consumerId + " Bearer admin-token",
				"GET /api/v1/restaurants/" + restaurantId + " Bearer admin-token");
	}

	@Test
	void whatTheServicesForgotIsCreatedAnew() throws IOException {
		UUID forgotten = UUID.randomUUID();
		UUID restaurantId = knownTo("restaurants");
		remember(forgotten, restaurantId);

		DemoData.Seeded seeded = demoData().ensure();

		assertThat(seeded.consumerId()).hasValue(createdId);
		assertThat(seeded.restaurantId()).hasValue(restaurantId);
		assertThat(requests).contains("GET /api/v1/consumers/" + forgotten + " Bearer admin-token",
				"POST /api/v1/consumers Bearer admin-token");
		assertThat(Files.readString(idsFile)).contains("consumerId=" + createdId, "restaurantId=" + restaurantId);
	}

	@Test
	void aRefusalIsReportedAndTheRestStillHappens() {
		answers.put("POST /api/v1/consumers", 403);

		DemoData.Seeded seeded = demoData().ensure();

		assertThat(seeded.consumerId()).isEmpty();
		assertThat(seeded.restaurantId()).hasValue(createdId);
		assertThat(seeded.problems()).containsExactly("POST /api/v1/consumers answered 403: {\"status\": 403}");
	}

	@Test
	void anUnexpectedAnswerToALookupIsReportedNotPapered() throws IOException {
		UUID consumerId = UUID.randomUUID();
		remember(consumerId, UUID.randomUUID());
		answers.put("GET /api/v1/consumers/" + consumerId, 401);

		DemoData.Seeded seeded = demoData().ensure();

		assertThat(seeded.consumerId()).isEmpty();
		assertThat(seeded.problems()).containsExactly("GET /api/v1/consumers/" + consumerId + " answered 401: {\"status\": 401}");
		assertThat(requests).doesNotContain("POST /api/v1/consumers Bearer admin-token");
		assertThat(Files.readString(idsFile)).contains("consumerId=" + consumerId);
	}

	private DemoData demoData() {
		return new DemoData(URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()), ADMIN_TOKEN, idsFile);
	}

	/** A new id that the service of {@code collection} answers a GET for. */
	private UUID knownTo(String collection) {
		UUID id = UUID.randomUUID();
		answers.put("GET /api/v1/" + collection + "/" + id, 200);
		return id;
	}

	private void remember(UUID consumerId, UUID restaurantId) throws IOException {
		Files.createDirectories(idsFile.getParent());
		Files.writeString(idsFile, "consumerId=" + consumerId + "\nrestaurantId=" + restaurantId + "\n");
	}
}
