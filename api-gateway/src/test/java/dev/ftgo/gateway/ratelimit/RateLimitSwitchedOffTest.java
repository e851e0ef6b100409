package dev.ftgo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.ftgo.testsupport.TestTokens;

/**
 * {@code ftgo.gateway.rate-limit.enabled=false}: no limit at all, however low the other settings are (a burst of
 * one request here). Discovery is off, so a request that gets past the limit is answered 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "ftgo.gateway.rate-limit.enabled=false",
				"ftgo.gateway.rate-limit.burst=1", "ftgo.gateway.rate-limit.requests-per-second=0.01" })
class RateLimitSwitchedOffTest {

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	@LocalServerPort
	int port;

	@Test
	void letsEveryRequestOfOneClientThrough() throws Exception {
		var client = UUID.randomUUID();
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/consumers/" + client))
			.header("Authorization", "Bearer " + TestTokens.consumer(client)).build();
		var http = HttpClient.newHttpClient();

		var statuses = new ArrayList<Integer>();
		for (int i = 0; i < 10; i++) {
			statuses.add(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
		}

		assertThat(statuses).containsOnly(503);
	}
}
