package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

/** The retry decisions of the consumers' error handler, driven the way the container drives it: one failure at a time. */
class RetryThenDeadLetterTest {

	private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("order.events", 1, 42L, "order-1", new byte[0]);
	private final List<Exception> parked = new ArrayList<>();

	@Test
	void retriesWhileTheDatabaseIsUnreachableAndNeverParks() {
		var handler = handler(3);

		var outcomes = IntStream.range(0, 200).mapToObj(attempt -> fail(handler, databaseDown())).toList();

		assertThat(outcomes).containsOnly(false);
		assertThat(parked).isEmpty();
	}

	@Test
	void retriesADatabaseOutageEvenWhenNoRetryIsConfigured() {
		var handler = handler(1);

		assertThat(IntStream.range(0, 20).mapToObj(attempt -> fail(handler, databaseDown()))).containsOnly(false);
		assertThat(fail(handler, new IllegalStateException("handler bug"))).isTrue();
		assertThat(parked).singleElement()
				.satisfies(failure -> assertThat(failure).hasCauseInstanceOf(IllegalStateException.class));
	}

	@Test
	void namesTheRootCauseOfTheFailureInTheReasonHeader() {
		var failure = new ListenerExecutionFailedException("Listener failed",
				new IllegalStateException("wrapped", new SQLException("ERROR: notification refused")));

		var header = RetryThenDeadLetter.reasonHeader(failure).lastHeader(MessageHeaderNames.DEAD_LETTER_REASON);

		assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo("SQLException: ERROR: notification refused");
	}

	@Test
	void cutsALongReasonShort() {
		var header = RetryThenDeadLetter.reasonHeader(new IllegalStateException("x".repeat(5000)))
			.lastHeader(MessageHeaderNames.DEAD_LETTER_REASON);

		assertThat(header.value()).hasSize(1000);
	}

	@Test
	void parksAFailingHandlerAfterTheConfiguredAttempts() {
		var handler = handler(3);

		assertThat(fail(handler, new IllegalStateException("handler bug"))).isFalse();
		assertThat(fail(handler, new IllegalStateException("handler bug"))).isFalse();
		assertThat(fail(handler, new IllegalStateException("handler bug"))).isTrue();
		assertThat(parked).hasSize(1);
	}

	@Test
	void countsTheAttemptsOfAHandlerBugAfreshOnceTheDatabaseIsBack() {
		var handler = handler(3);
		IntStream.range(0, 10).forEach(attempt -> fail(handler, databaseDown()));

		assertThat(fail(handler, new IllegalStateException("handler bug"))).isFalse();
		assertThat(fail(handler, new IllegalStateException("handler bug"))).isFalse();
		assertThat(fail(handler, new IllegalStateException("handler bug"))).isTrue();
		assertThat(parked).singleElement()
				.satisfies(failure -> assertThat(failure).hasCauseInstanceOf(IllegalStateException.class));
	}

	@Test
	void parksAFailingHandlerAtOnceWhenNoRetryIsConfigured() {
		assertThat(fail(handler(1), new IllegalStateException("handler bug"))).isTrue();
		assertThat(parked).hasSize(1);
	}

	@Test
	void parksAPoisonMessageAtOnce() {
		assertThat(fail(handler(3), new PoisonMessageException("no id header"))).isTrue();
		assertThat(parked).hasSize(1);
	}

	@Test
	void waitsLongerBetweenOutageAttemptsButNeverLongerThanTheOutageMaximum() {
		var retry = new MessagingSettings.Retry(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), Duration.ofSeconds(5));

		BackOffExecution outage = RetryThenDeadLetter.backOff(record, databaseDown(), retry).start();
		var waits = IntStream.range(0, 1000).mapToObj(attempt -> outage.nextBackOff()).toList();

		assertThat(waits).startsWith(1000L, 2000L, 4000L, 5000L, 5000L)
				.allSatisfy(wait -> assertThat(wait).isBetween(1000L, 5000L));
	}

	@Test
	void waitsABoundedNumberOfTimesForAnyOtherFailure() {
		var retry = new MessagingSettings.Retry(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), Duration.ofSeconds(5));

		BackOffExecution bug = RetryThenDeadLetter.backOff(record, new IllegalStateException("bug"), retry).start();

		assertThat(List.of(bug.nextBackOff(), bug.nextBackOff(), bug.nextBackOff())).containsExactly(1000L, 2000L,
				BackOffExecution.STOP);
	}

	@Test
	void parksAHandlerThatKeepsLosingAnOptimisticLockRaceAfterTheConfiguredAttempts() {
		var retry = new MessagingSettings.Retry(3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), Duration.ofSeconds(5));

		BackOffExecution conflict = RetryThenDeadLetter.backOff(record,
				new org.springframework.dao.OptimisticLockingFailureException("stale version"), retry).start();

		assertThat(List.of(conflict.nextBackOff(), conflict.nextBackOff(), conflict.nextBackOff())).containsExactly(1000L,
				2000L, BackOffExecution.STOP);
	}

	/** Millisecond waits, so that hundreds of attempts take a moment. */
	private DefaultErrorHandler handler(int attempts) {
		var retry = new MessagingSettings.Retry(attempts, Duration.ofMillis(1), 2.0, Duration.ofMillis(2), Duration.ofMillis(2));
		return RetryThenDeadLetter.errorHandler((failed, exception) -> parked.add(exception),
				new MessagingSettings.Consumer(1, "-dlt", retry));
	}

	/** @return whether the record was given up on (parked) rather than left for another attempt */
	private boolean fail(DefaultErrorHandler handler, Exception failure) {
		var thrown = new ListenerExecutionFailedException("Listener failed", failure);
		return handler.handleOne(thrown, record, mock(Consumer.class), null);
	}

	/** What the inbox's transaction throws while PostgreSQL restarts. */
	private static Exception databaseDown() {
		return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
				new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms",
						"08001", new SQLException("FATAL: the database system is starting up", "57P03")));
	}
}
