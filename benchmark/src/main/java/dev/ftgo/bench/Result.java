package dev.ftgo.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the report: what was measured, the figures (numbers keyed by name, as they go into the
 * JSON), a one-line summary for the table, and where it lands against its goal.
 *
 * @param note how the figure was taken, or why it was not
 */
record Result(String id, String title, String summary, Map<String, Object> figures, Goal goal, String note) {

	enum Status {
		MET("met"), MISSED("missed"), NOT_MEASURED("not measured"), NONE("");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		String label() {
			return label;
		}
	}

	/** A goal (docs/bench.md lists them) and whether this run reached it; never asserted. */
	record Goal(String text, Status status) {

		static final Goal NONE = new Goal("", Status.NONE);

		static Goal of(String text, boolean met) {
			return new Goal(text, met ? Status.MET : Status.MISSED);
		}
	}

	static Result skipped(String id, String title, String goal, String reason) {
		return new Result(id, title, "skipped: " + reason, Map.of(),
				goal.isEmpty() ? Goal.NONE : new Goal(goal, Status.NOT_MEASURED), reason);
	}

	static Result failed(String id, String title, String goal, String message) {
		return new Result(id, title, "failed: " + message, Map.of(),
				goal.isEmpty() ? Goal.NONE : new Goal(goal, Status.NOT_MEASURED), "the measurement failed: " + message);
	}

	/** Figures in insertion order, for building a result step by step. */
	static Map<String, Object> newFigures() {
		return new LinkedHashMap<>();
	}
}
