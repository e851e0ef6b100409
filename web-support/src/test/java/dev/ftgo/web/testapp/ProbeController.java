package dev.ftgo.web.testapp;

import java.sql.SQLException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/** Fails in each of the ways the shared handling answers. */
@RestController
class ProbeController {

	record Item(@NotBlank String name, @Positive int quantity) {
	}

	record Order(@NotBlank String note, @Valid java.util.List<Item> items) {
	}

	@PostMapping("/orders")
	String place(@Valid @RequestBody Order order) {
		return "placed";
	}

	@GetMapping("/orders")
	String list(@RequestParam(defaultValue = "10") @Min(1) int limit) {
		return "listed";
	}

	@GetMapping("/refused")
	String refused() {
		throw new ProbeRefusedException("No orders on Sundays.");
	}

	@GetMapping("/race")
	String race() {
		throw new OptimisticLockingFailureException("version 3 expected");
	}

	@GetMapping("/database-down")
	String databaseDown() {
		throw new DataAccessResourceFailureException("connection refused");
	}

	@GetMapping("/commit-on-lost-connection")
	String commitOnLostConnection() {
		throw new TransactionSystemException("commit failed", new SQLException("I/O error", "08006"));
	}

	/**
	 * What a JPA service threw while PostgreSQL stopped: the failure that aborted the transaction was lost, and
	 * its rollback failed on the connection the pool had already closed (HikariCP gives that no SQLState).
	 */
	@GetMapping("/rollback-on-closed-connection")
	String rollbackOnClosedConnection() {
		throw new UncategorizedDataAccessException("Unable to rollback against JDBC Connection",
				new IllegalStateException("Unable to rollback against JDBC Connection",
						new SQLException("Connection is closed"))) {
		};
	}

	@GetMapping("/nul-text")
	String nulText() {
		throw new IllegalStateException("insert failed", new SQLException("invalid byte sequence", "22021"));
	}

	@GetMapping("/bug")
	String bug() {
		throw new IllegalStateException("a secret the caller must not see");
	}
}
