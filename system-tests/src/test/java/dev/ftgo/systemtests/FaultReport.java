package dev.ftgo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary table of the fault suite: one row per fault, printed when the suite ends and written
 * to {@code target/fault-summary.md}. A fault whose test failed stays in the table as "did not finish".
 */
final class FaultReport {

	static final class Row {
		private final String fault;
		private String inFlight = "";
		private String lost = "";
		private String duplicated = "";
		private String recovery = "";
		private String notes = "";
		private boolean finished;

		private Row(String fault) {
			this.fault = fault;
		}

		/** Records the outcome; {@code recoveryMs} below zero means the fault needs no recovery. */
		void finish(int inFlight, Ledger.Tally tally, long recoveryMs, String notes) {
			this.inFlight = Integer.toString(inFlight);
			this.lost = Integer.toString(tally.lost());
			this.duplicated = Integer.toString(tally.duplicated());
			this.recovery = recoveryMs < 0 ? "n/a" : String.format("%.1f s", recoveryMs / 1000.0);
			this.notes = notes;
			this.finished = true;
		}
	}

	private final List<Row> rows = new ArrayList<>();

	synchronized Row begin(String fault) {
		var row = new Row(fault);
		rows.add(row);
		return row;
	}

	synchronized String markdown() {
		var table = new StringBuilder();
		table.append("| Fault | Orders in flight | Lost | Duplicated | Time to recover | Notes |\n");
		table.append("|---|---:|---:|---:|---:|---|\n");
		for (var row : rows) {
			if (row.finished) {
				table.append("| %s | %s | %s | %s | %s | %s |\n".formatted(row.fault, row.inFlight, row.lost, row.duplicated,
						row.recovery, row.notes));
			}
			else {
				table.append("| %s | | | | | did not finish: see the test's failure |\n".formatted(row.fault));
			}
		}
		return table.toString();
	}

	/** Prints the table and writes it under {@code target/}. */
	void publish(Path file) {
		var table = markdown();
		System.out.printf("%n[figures] fault suite summary%n%s%n", table);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, table);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
