package dev.ftgo.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.util.unit.DataSize;

import dev.ftgo.gateway.edge.EdgeSettings;

class ProblemJsonErrorHandlerTest {

	private final ProblemJsonErrorHandler handler = new ProblemJsonErrorHandler(
			new EdgeSettings(DataSize.ofMegabytes(1), Duration.ofSeconds(5), 4096));

	private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/orders"));

	@Test
	void sendsTheHeadersARefusalCarries() {
		var headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "3");

		handler.handle(exchange, new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Slow down.", headers)).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("\"status\":429", "\"detail\":\"Slow down.\"");
	}

	@Test
	void answers503WhenTokensCannotBeCheckedAtAll() {
		handler.handle(exchange, new AuthenticationServiceException("JWK set unreachable")).block();

		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("cannot verify access tokens right now");
	}
}
