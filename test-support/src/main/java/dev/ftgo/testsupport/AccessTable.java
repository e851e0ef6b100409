package dev.ftgo.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A roles table written as text, turned into the cases of a parameterized access test: a header row of
 * {@link Caller} names, then per endpoint a row of its name and the status each caller gets.
 *
 * <pre>
 *                 ADMIN  OWN_CONSUMER  NO_TOKEN
 * READ            200    200           401
 * SUSPEND         200    403           401
 * </pre>
 * The table stays readable as the one in docs/security.md, where a list of CSV rows would not.
 */
public final class AccessTable {

	private AccessTable() {
	}

	/** One cell of the table: what {@code caller} gets from {@code endpoint}. */
	public record Case<E extends Enum<E>>(E endpoint, Caller caller, int status) {
	}

	/** One case per cell, the endpoint looked up among {@code endpoints}. */
	public static <E extends Enum<E>> List<Case<E>> cases(String table, Class<E> endpoints) {
		var lines = table.strip().lines().toList();
		var callers = Arrays.stream(lines.get(0).trim().split("\\s+")).map(Caller::valueOf).toList();
		var cases = new ArrayList<Case<E>>();
		for (var line : lines.subList(1, lines.size())) {
			var cells = line.trim().split("\\s+");
			assertThat(cells).as(line).hasSize(callers.size() + 1);
			for (int i = 0; i < callers.size(); i++) {
				cases.add(new Case<>(Enum.valueOf(endpoints, cells[0]), callers.get(i), Integer.parseInt(cells[i + 1])));
			}
		}
		return cases;
	}
}
