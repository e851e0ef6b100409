package dev.ftgo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Which Authorization header each kind of client sends, seen by a server that echoes it. */
class ApiClientTest {

	private final List<String> received = new CopyOnWriteArrayList<>();
	private HttpServer server;
	private ApiClient api;

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			try (exchange) {
				List<String> authorization = exchange.getRequestHeaders().getOrDefault("Authorization", List.of());
				received.add(exchange.getRequestMethod() + " " + (authorization.isEmpty() ? "(none)" : String.join(" | ", authorization)));
				byte[] body = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		});
		server.start();
		api = new ApiClient(server.getAddress().getPort());
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	@Test
	void withTokenSendsTheBearerTokenOnEveryKindOfRequest() {
		ApiClient authorized = api.withToken("t0k3n");

		authorized.get("/x");
		authorized.post("/x", "{}");
		authorized.post("/x", "plain", "text/plain");
		authorized.post("/x", "{}", Map.of("Idempotency-Key", "k1"));
		authorized.put("/x", "{}");

		assertThat(received).containsExactly("GET Bearer t0k3n", "POST Bearer t0k3n", "POST Bearer t0k3n", "POST Bearer t0k3n",
				"PUT Bearer t0k3n");
	}

	@Test
	void theOriginalClientStaysWithoutAuthorization() {
		api.withToken("t0k3n");

		assertThat(api.get("/x").json().get("ok").asBoolean()).isTrue();
		assertThat(received).containsExactly("GET (none)");
	}

	@Test
	void withAuthorizationSendsAnyRawValueOrNone() {
		api.withAuthorization("Basic YWRhOnNlY3JldA==").get("/x");
		api.withToken("t0k3n").withAuthorization(null).get("/x");

		assertThat(received).containsExactly("GET Basic YWRhOnNlY3JldA==", "GET (none)");
	}

	@Test
	void aHeaderGivenForOneRequestWinsOverTheClients() {
		api.withToken("t0k3n").post("/x", "{}", Map.of("Authorization", "Bearer other"));

		assertThat(received).containsExactly("POST Bearer other");
	}

	@Test
	void aMissingTokenIsAMistakeInTheTestNotARequestWithoutOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> api.withToken(null));
		assertThatIllegalArgumentException().isThrownBy(() -> api.withToken(" "));
	}
}
