package dev.ftgo.testsupport;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The exceptions a database outage reaches a controller as, for the slice tests that check each service answers
 * them all with its 503: {@code @MethodSource("dev.ftgo.testsupport.DatabaseOutages#databaseOutages")}.
 */
public final class DatabaseOutages {

	private DatabaseOutages() {
	}

	/** As such, or wrapped by a failed commit or a failed rollback. */
	public static Stream<RuntimeException> databaseOutages() {
		var rollback = new TransactionSystemException("Could not roll back JPA transaction",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new JpaSystemException(new IllegalStateException(
				new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
		return Stream.of(
				new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
						new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")),
				new DataAccessResourceFailureException("Unable to acquire JDBC Connection"),
				new TransactionSystemException("Could not commit JPA transaction",
						new SQLException("An I/O error occurred while sending to the backend.", "08006")),
				rollback);
	}
}
