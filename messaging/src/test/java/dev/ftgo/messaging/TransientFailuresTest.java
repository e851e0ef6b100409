package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class TransientFailuresTest {

	@Test
	void theDatabaseBeingUnreachableIsTransient() {
		var refused = new SQLException("Connection to localhost:5432 refused", "08001",
				new ConnectException("Connection refused"));
		var poolTimeout = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out",
				"08001", refused);

		assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("Could not open JPA EntityManager",
				poolTimeout))).isTrue();
		assertThat(TransientFailures.isTransient(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
				poolTimeout))).isTrue();
		assertThat(TransientFailures.isTransient(poolTimeout)).isTrue();
		assertThat(TransientFailures.isTransient(new DataAccessResourceFailureException("I/O error"))).isTrue();
		assertThat(TransientFailures.isTransient(new RecoverableDataAccessException("reconnect"))).isTrue();
		assertThat(TransientFailures.isTransient(new SQLRecoverableException("connection reset"))).isTrue();
	}

	@Test
	void anOptimisticLockConflictIsNotThoughItIsConcurrencyFailure() {
		assertThat(TransientFailures.isTransient(new OptimisticLockingFailureException("version 3 expected, was 4")))
				.isFalse();
		assertThat(TransientFailures.isTransient(new IllegalStateException("handler failed",
				new OptimisticLockingFailureException("stale")))).isFalse();
	}

	@Test
	void lockAndTimeoutFailuresAreTransient() {
		assertThat(TransientFailures.isTransient(new CannotAcquireLockException("deadlock detected"))).isTrue();
		assertThat(TransientFailures.isTransient(new QueryTimeoutException("canceling statement due to statement timeout")))
				.isTrue();
		assertThat(TransientFailures.isTransient(new SQLTimeoutException("timeout"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "53100", "53300", "40001",
			"40P01" })
	void anSqlStateOfAConnectionOrResourceProblemIsTransientAnywhereInTheCauseChain(String sqlState) {
		// how a commit on a dead connection surfaces: the driver's SQLException under a generic wrapper
		var failure = new TransactionSystemException("Could not commit JPA transaction",
				new IllegalStateException("wrapped", new SQLException("server said no", sqlState)));

		assertThat(TransientFailures.isTransient(failure)).isTrue();
	}

	@Test
	void aRollbackThatFailsOnTheClosedConnectionIsTransientBecauseOfWhatItOverrode() {
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("terminating connection",
				new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

		assertThat(TransientFailures.isTransient(rollback)).isTrue();
		assertThat(TransientFailures.isTransient(new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed")))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "23505", "22021", "42P01", "42703", "57014", "57P04", "0800", "" })
	void otherSqlStatesAreNot(String sqlState) {
		var failure = new UncategorizedSQLException("insert", "INSERT ...", new SQLException("no", sqlState));

		assertThat(TransientFailures.isTransient(failure)).isFalse();
	}

	@Test
	void handlerBugsAndBadDataAreNot() {
		assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
		assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key", "23505")))).isFalse();
		assertThat(TransientFailures.isTransient(new PoisonMessageException("no id header"))).isFalse();
		assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
	}

	@Test
	void survivesACausalCycle() {
		var first = new RuntimeException("first");
		var second = new RuntimeException("second", first);
		first.initCause(second);

		assertThat(TransientFailures.isTransient(first)).isFalse();
	}
}
