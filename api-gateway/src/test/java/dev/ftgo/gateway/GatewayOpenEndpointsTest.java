package dev.ftgo.gateway;

import static dev.ftgo.gateway.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ftgo.testsupport.TestTokens;

/**
 * What the gateway answers without a token: its health, the API documents and unknown paths are open, the other
 * actuator endpoints stay closed, paths the firewall refuses get a 400 problem, and a kept-alive connection
 * is answered request after request.
 */
class GatewayOpenEndpointsTest extends StubbedServicesTestBase {

	@Test
	void leavesHealthDocsAndUnknownPathsOpen() throws Exception {
		assertThat(send(anonymous("/actuator/health")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/actuator/health/liveness")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/actuator/info")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/actuator/prometheus")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/v3/api-docs/swagger-config")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/api-docs/kitchen-service")).statusCode()).isEqualTo(200);
		assertThat(send(anonymous("/no/such/thing")).statusCode()).isEqualTo(404);
		assertThat(send(anonymous("/fallback/order-service")).statusCode()).isEqualTo(404);
	}

	@Test
	void keepsActuatorEndpointsThatAreNotListedClosed() throws Exception {
		assertProblem(send(anonymous("/actuator/env")), 401);
		assertProblem(send(as(TestTokens.admin(), "/actuator/env")), 403);
	}

	/** Spring Security's firewall refuses these before any filter runs; the refusal is a problem like any other. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/api/v1/orders/%2e%2e/consumers", "/api/v1/orders/%2500", "/api/v1/orders/a%2fb",
			"/api/v1/consumers/;jsessionid=1" })
	void answersPathsTheFirewallRefusesWithAProblem(String path) throws Exception {
		var response = send(anonymous(path));

		assertProblem(response, 400);
		assertThat(response.body()).contains("The request was refused");
	}

	/**
	 * Reactor Netty 1.3.6 stopped reading a kept-alive HTTP/1.1 connection now and then when the next request
	 * arrived before the previous exchange had fully terminated (reactor/reactor-netty#4361): the client waited
	 * for ever. The gateway runs 1.3.8, which fixed it; on 1.3.6 this test timed out within a few hundred requests.
	 */
	@Test
	void answersEveryRequestOnAKeptAliveConnection() throws Exception {
		try (var socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			var out = socket.getOutputStream();
			var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
					StandardCharsets.ISO_8859_1));
			for (int i = 0; i < 300; i++) {
				out.write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				assertThat(in.readLine()).as("status line of request %d on one connection", i + 1)
					.isEqualTo("HTTP/1.1 200 OK");
				int length = -1;
				for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
					if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
						length = Integer.parseInt(line.substring(15).trim());
					}
				}
				assertThat(length).as("content length of answer %d", i + 1).isPositive();
				in.skip(length);
			}
		}
	}
}
