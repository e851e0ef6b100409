package dev.ftgo.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Reads a failure's cause chain for what the database said. */
final class DatabaseFailures {

	/** SQLState 57P01..57P03: the server is shutting down or starting up. */
	private static final Set<String> SERVER_STOPPING_OR_STARTING = Set.of("57P01", "57P02", "57P03");

	/**
	 * What HikariCP's proxy throws, with no SQLState, once the pool has closed a connection it saw fail: seen as
	 * the cause of a failed rollback while PostgreSQL stopped, the failure that aborted the transaction lost.
	 */
	private static final String CLOSED_BY_THE_POOL = "Connection is closed";

	private DatabaseFailures() {
	}

	/**
	 * PostgreSQL refuses a NUL character in text (SQLState 22021) and characters its encoding cannot
	 * hold (22P05). Valid JSON can carry both, so this is the caller's input, not our failure; the
	 * transaction has rolled back and nothing was written.
	 */
	static boolean isUnstorableText(Throwable ex) {
		for (var cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql
					&& ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The failures of a database that is unreachable when they arrive wrapped, e.g. a commit on a lost connection
	 * ({@code TransactionSystemException}, SQLState 08006), or a rollback that failed on it and hides the failure
	 * that caused it, or a rollback on a connection the pool had closed. SQLState 08: connection exception; 53:
	 * insufficient resources (too many connections). A transaction that could not be rolled back on a lost
	 * connection was not committed either: the server rolls it back when the session ends.
	 */
	static boolean isDatabaseUnavailable(Throwable ex) {
		for (var cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLException sql
							&& (isConnectionState(sql.getSQLState()) || isClosedByThePool(sql))) {
				return true;
			}
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isDatabaseUnavailable(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/** The innermost cause, one line: what a log needs of an expected failure. */
	static String rootMessage(Throwable ex) {
		var root = ex instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
				? rollback.getApplicationException()
				: ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static boolean isClosedByThePool(SQLException sql) {
		return sql.getSQLState() == null && CLOSED_BY_THE_POOL.equals(sql.getMessage());
	}

	private static boolean isConnectionState(String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
				|| SERVER_STOPPING_OR_STARTING.contains(sqlState));
	}
}
