package dev.ftgo.order.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

class NeverSentTest {

	private final NeverSent neverSent = new NeverSent();

	@Test
	void failsOverConnectionsThatCouldNotBeMade() {
		assertThat(neverSent.test(io(new ConnectException("Connection refused")))).isTrue();
		assertThat(neverSent.test(io(new HttpConnectTimeoutException("connect timed out")))).isTrue();
		var wrapped = new ConnectException("Connection refused");
		wrapped.initCause(new ClosedChannelException());
		assertThat(neverSent.test(io(new IOException("connect failed", wrapped)))).isTrue();
	}

	@Test
	void neverRepeatsARequestThatMayHaveReachedTheService() {
		assertThat(neverSent.test(io(new IOException("Connection reset")))).isFalse();
		assertThat(neverSent.test(io(new HttpTimeoutException("request timed out")))).isFalse();
		assertThat(neverSent.test(new HttpServerErrorException(HttpStatus.BAD_GATEWAY))).isFalse();
	}

	private static ResourceAccessException io(IOException cause) {
		return new ResourceAccessException("I/O error", cause);
	}
}
