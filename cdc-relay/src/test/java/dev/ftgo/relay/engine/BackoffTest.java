package dev.ftgo.relay.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

	private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

	@Test
	void doublesUpToTheCap() {
		Duration pause = backoff.initial();
		StringBuilder series = new StringBuilder();
		for (int failure = 0; failure < 7; failure++) {
			series.append(pause.toSeconds()).append(' ');
			pause = backoff.next(pause);
		}

		assertThat(series.toString().trim()).isEqualTo("1 2 4 8 16 30 30");
	}

	@Test
	void startsOverAfterARunThatOutlastedTheLongestPause() {
		assertThat(backoff.afterRun(Duration.ofSeconds(16), Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.afterRun(Duration.ofSeconds(16), Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(16));
	}
}
