package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevStackMainTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpPrintsTheUsageAndStartsNothing() {
		int exitCode = run("--help");

		assertThat(exitCode).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./stack [--reset]").contains("--gateway-port=N");
	}

	@Test
	void aBadOptionIsAUsageErrorWithoutStackTrace() {
		int exitCode = run("--gateway-port=eighty");

		assertThat(exitCode).isEqualTo(64);
		assertThat(err.toString(StandardCharsets.UTF_8))
				.startsWith("Not a port number in --gateway-port=eighty")
				.contains("Usage:")
				.doesNotContain("Exception");
	}

	private int run(String... args) {
		return DevStackMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}
}
