package dev.ftgo.messaging;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a failure that goes away by itself once the database is back (a restart, a failover, a full connection
 * pool, a deadlock) from one that no retry can fix. The whole cause chain is searched because Spring, Hibernate
 * and Hikari each wrap the driver's exception differently, and a commit that fails on a dead connection surfaces
 * as a plain {@code TransactionSystemException}.
 */
final class TransientFailures {

	/** 57P01..57P03: admin or crash shutdown, "cannot connect now" (starting up); 40001/40P01: serialization, deadlock. */
	private static final Set<String> SQL_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

	/** 08: connection exception; 53: insufficient resources (too many connections, out of memory or disk). */
	private static final Set<String> SQL_STATE_CLASSES = Set.of("08", "53");

	/** By name: this library does not depend on Hibernate, the services do. */
	private static final String HIBERNATE_CONNECTION_FAILURE = "org.hibernate.exception.JDBCConnectionException";

	private TransientFailures() {
	}

	static boolean isTransient(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Throwable> pending = new ArrayDeque<>();
		pending.push(failure);
		while (!pending.isEmpty()) {
			Throwable next = pending.pop();
			if (!seen.add(next)) {
				continue;
			}
			if (isTransientItself(next)) {
				return true;
			}
			if (next.getCause() != null) {
				pending.push(next.getCause());
			}
			// a rollback on the connection the database just closed fails too ("Connection is closed", no SQLState)
			// and Spring throws that instead, keeping the real failure as the application exception
			if (next instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
				pending.push(rollback.getApplicationException());
			}
		}
		return false;
	}

	private static boolean isTransientItself(Throwable failure) {
		if (failure instanceof OptimisticLockingFailureException) {
			// Spring counts it transient, and one retry usually wins the race; but a handler that keeps losing it
			// (a bug, or an aggregate changed on every delivery) would block its partition forever if retried
			// without limit, so it takes the bounded retries of any other failure and then the dead-letter topic
			return false;
		}
		// DataAccessResourceFailureException includes CannotGetJdbcConnectionException; SQLTransientException
		// includes Hikari's SQLTransientConnectionException ("Connection is not available, request timed out")
		return failure instanceof CannotCreateTransactionException
				|| failure instanceof DataAccessResourceFailureException
				|| failure instanceof TransientDataAccessException
				|| failure instanceof RecoverableDataAccessException
				|| failure instanceof SQLTransientException
				|| failure instanceof SQLRecoverableException
				|| failure instanceof SQLException sql && isTransientState(sql.getSQLState())
				|| HIBERNATE_CONNECTION_FAILURE.equals(failure.getClass().getName());
	}

	private static boolean isTransientState(String sqlState) {
		return sqlState != null && sqlState.length() == 5
				&& (SQL_STATES.contains(sqlState) || SQL_STATE_CLASSES.contains(sqlState.substring(0, 2)));
	}
}
