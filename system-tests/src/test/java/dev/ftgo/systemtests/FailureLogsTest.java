package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureLogsTest {

	@TempDir
	Path runDir;

	@Test
	void printsTheLastErrorLinesAndCausesOfEachComponentOnly() throws IOException {
		Files.createDirectories(runDir.resolve("logs"));
		var lines = new ArrayList<String>();
		IntStream.rangeClosed(1, 30).forEach(i -> {
			lines.add("2026-12-06T17:00:00.000Z  INFO 1 --- [order-service] [main] Started " + i);
			lines.add("2026-12-06T17:00:00.000Z ERROR 1 --- [order-service] [main] Request failed " + i);
			lines.add("\tat dev.ftgo.order.OrderService.place(OrderService.java:" + i + ")");
		});
		lines.add("Caused by: java.sql.SQLException: Connection is closed");
		Files.write(runDir.resolve("logs/order-service.log"), lines);
		Files.write(runDir.resolve("logs/kafka.log"), List.of("[2026-12-06 17:00:00,000] INFO started"));

		var out = new ByteArrayOutputStream();
		FailureLogs.print(runDir, new PrintStream(out, true, StandardCharsets.UTF_8));

		var printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed).contains("--- the last 20 error lines of order-service.log ---")
			.contains("Request failed 30")
			.contains("Request failed 12")
			.doesNotContain("Request failed 11\n")
			.contains("Caused by: java.sql.SQLException: Connection is closed")
			.doesNotContain("Started")
			.doesNotContain("OrderService.java")
			.doesNotContain("kafka.log");
	}

	@Test
	void printsNothingWithoutLogs() {
		var out = new ByteArrayOutputStream();

		FailureLogs.print(runDir.resolve("gone"), new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
	}
}
