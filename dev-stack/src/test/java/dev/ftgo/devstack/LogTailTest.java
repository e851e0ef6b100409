package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

	@TempDir
	Path dir;

	@Test
	void keepsTheLastLinesAndLeavesOutStackFrames() throws IOException {
		Path log = dir.resolve("order-service.log");
		List<String> lines = new ArrayList<>(IntStream.range(0, 30).mapToObj(i -> "line " + i).toList());
		lines.addAll(List.of(
				"Caused by: SchemaManagementException: wrong column type",
				"\tat org.hibernate.Validator.validate(Validator.java:153) ~[hibernate-core.jar]",
				"        at org.hibernate.Validator.run(Validator.java:68)",
				"\t... 26 common frames omitted",
				"\t... 3 more",
				"APPLICATION FAILED TO START"));
		Files.write(log, lines);

		assertThat(LogTail.lastLines(log, 3))
				.containsExactly("line 29", "Caused by: SchemaManagementException: wrong column type", "APPLICATION FAILED TO START");
	}

	@Test
	void saysSoWhenTheLogIsMissing() {
		assertThat(LogTail.describe(dir.resolve("missing.log"))).isEqualTo("Log " + dir.resolve("missing.log") + " is empty.");
	}
}
