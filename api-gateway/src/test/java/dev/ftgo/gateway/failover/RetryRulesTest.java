package dev.ftgo.gateway.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.web.server.ResponseStatusException;

import reactor.netty.http.client.PrematureCloseException;

class RetryRulesTest {

	private static final MockServerHttpRequest GET = MockServerHttpRequest.get("/api/v1/orders/1").build();
	private static final MockServerHttpRequest KEYLESS_POST = MockServerHttpRequest.post("/api/v1/orders").build();
	private static final MockServerHttpRequest KEYED_POST = MockServerHttpRequest.post("/api/v1/orders")
		.header(RetryRules.IDEMPOTENCY_KEY, "4b0f3c1e").build();
	private static final MockServerHttpRequest BLANK_KEY_POST = MockServerHttpRequest.post("/api/v1/orders")
		.header(RetryRules.IDEMPOTENCY_KEY, " ").build();

	private static final Throwable REFUSED = new IOException("wrapped", new ConnectException("Connection refused"));
	private static final Throwable LOST = PrematureCloseException.TEST_EXCEPTION;
	private static final Throwable TIMED_OUT = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "late",
			new TimeoutException("Response took longer than timeout"));

	@Test
	void retriesARefusedConnectionWhateverTheMethod() {
		assertThat(RetryRules.mayRetry(REFUSED, GET)).isTrue();
		assertThat(RetryRules.mayRetry(REFUSED, KEYLESS_POST)).isTrue();
		assertThat(RetryRules.mayRetry(REFUSED, KEYED_POST)).isTrue();
	}

	@Test
	void retriesALostAnswerOnlyForAGetOrAKeyedPost() {
		assertThat(RetryRules.mayRetry(LOST, GET)).isTrue();
		assertThat(RetryRules.mayRetry(LOST, KEYED_POST)).isTrue();
		assertThat(RetryRules.mayRetry(LOST, KEYLESS_POST)).isFalse();
		assertThat(RetryRules.mayRetry(LOST, BLANK_KEY_POST)).isFalse();
	}

	@Test
	void retriesTimeoutsAndServerErrorsOnlyForAGet() {
		assertThat(RetryRules.mayRetry(TIMED_OUT, GET)).isTrue();
		assertThat(RetryRules.mayRetry(TIMED_OUT, KEYED_POST)).isFalse();
		assertThat(RetryRules.mayRepeat(HttpStatus.BAD_GATEWAY, GET)).isTrue();
		assertThat(RetryRules.mayRepeat(HttpStatus.BAD_GATEWAY, KEYED_POST)).isFalse();
		assertThat(RetryRules.mayRepeat(HttpStatus.NOT_FOUND, GET)).isFalse();
	}

	@Test
	void neverRetriesWhatIsNotATransportFailure() {
		assertThat(RetryRules.mayRetry(new IllegalStateException("no instances"), GET)).isFalse();
	}
}
