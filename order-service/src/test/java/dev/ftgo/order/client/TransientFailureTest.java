package dev.ftgo.order.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

import io.github.resilience4j.bulkhead.BulkheadFullException;

class TransientFailureTest {

	private final TransientFailure transientFailure = new TransientFailure();

	@Test
	void retriesServerErrorsAndLostAnswers() {
		assertThat(transientFailure.test(new HttpServerErrorException(HttpStatus.SERVICE_UNAVAILABLE))).isTrue();
		assertThat(transientFailure.test(new HttpServerErrorException(HttpStatus.INTERNAL_SERVER_ERROR))).isTrue();
		assertThat(transientFailure.test(io(new IOException("Connection reset")))).isTrue();
		assertThat(transientFailure.test(io(new IOException("HTTP/1.1 header parser received no bytes")))).isTrue();
	}

	@Test
	void leavesConnectionsThatWereNeverMadeToTheFailoverBelowTheBreaker() {
		assertThat(transientFailure.test(io(new ConnectException("Connection refused")))).isFalse();
		assertThat(transientFailure.test(io(new HttpConnectTimeoutException("connect timed out")))).isFalse();
	}

	@Test
	void doesNotRetryASlowService() {
		assertThat(transientFailure.test(io(new HttpTimeoutException("request timed out")))).isFalse();
	}

	@Test
	void doesNotRetryAnswersOrOwnRefusals() {
		assertThat(transientFailure.test(new HttpClientErrorException(HttpStatus.NOT_FOUND))).isFalse();
		assertThat(transientFailure.test(new HttpClientErrorException(HttpStatus.BAD_REQUEST))).isFalse();
		assertThat(transientFailure.test(new NoInstanceAvailableException("kitchen-service", null))).isFalse();
		assertThat(transientFailure.test(BulkheadFullException.createBulkheadFullException(
				io.github.resilience4j.bulkhead.Bulkhead.ofDefaults("x")))).isFalse();
	}

	private static ResourceAccessException io(IOException cause) {
		return new ResourceAccessException("I/O error", cause);
	}
}
