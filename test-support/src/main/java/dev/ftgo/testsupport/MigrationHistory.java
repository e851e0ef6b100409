package dev.ftgo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.assertj.core.api.ListAssert;

/**
 * What Flyway recorded in a service's database, and whose database it is: what each service's migration test
 * checks first, with {@link #assertAppliedToOwnDatabase}.
 *
 * @param failed how many migrations did not succeed
 * @param applied the versions applied, in the order they were
 * @param databaseAndUser {@code database/user} of the connection, to show the service uses its own database and login
 */
public record MigrationHistory(int failed, List<String> applied, String databaseAndUser) {

	/** Reads the history over a connection of {@code dataSource}, the service's own pool. */
	public static MigrationHistory of(DataSource dataSource) {
		try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
			int failed;
			try (var rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE NOT success")) {
				rows.next();
				failed = rows.getInt(1);
			}
			var applied = new ArrayList<String>();
			try (var rows = statement.executeQuery("SELECT version FROM flyway_schema_history ORDER BY installed_rank")) {
				while (rows.next()) {
					applied.add(rows.getString(1));
				}
			}
			try (var rows = statement.executeQuery("SELECT current_database() || '/' || current_user")) {
				rows.next();
				return new MigrationHistory(failed, List.copyOf(applied), rows.getString(1));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not read flyway_schema_history: " + e.getMessage(), e);
		}
	}

	/**
	 * Asserts that no migration failed and that the connection is to {@code service}'s database under its login of
	 * the same name; what to check of the versions applied, which differ per service.
	 */
	public ListAssert<String> assertAppliedToOwnDatabase(String service) {
		assertThat(failed).as("failed migrations").isZero();
		assertThat(databaseAndUser).isEqualTo(service + "/" + service);
		return assertThat(applied);
	}
}
