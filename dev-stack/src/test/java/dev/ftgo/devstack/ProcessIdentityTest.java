package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How a pid file's process is recognised where the arguments are known (Linux, macOS) and where not (Windows). */
class ProcessIdentityTest {

	private static final Instant WRITTEN = Instant.parse("2026-01-01T12:00:00Z");
	private static final String MARKER = "-Dftgo.component=order-service";

	@Test
	void withArgumentsTheMarkerDecides() {
		assertThat(ProcessIdentity.matches(Optional.of(List.of("/usr/bin/java", "-Xmx256m", MARKER, "-jar", "x.jar")),
				Optional.of("/usr/bin/java"), Optional.of(WRITTEN.plusSeconds(60)), Optional.of(WRITTEN), MARKER, "java"))
				.as("the marker is there; times do not matter when the arguments are known").isTrue();
		assertThat(ProcessIdentity.matches(Optional.of(List.of("/usr/bin/java", "-Dftgo.component=kitchen-service")),
				Optional.of("/usr/bin/java"), Optional.of(WRITTEN.minusSeconds(60)), Optional.of(WRITTEN), MARKER, "java"))
				.as("another component's JVM").isFalse();
	}

	@Test
	void withoutArgumentsTheExecutableStartedBeforeThePidFileWasWrittenIsOurs() {
		assertThat(windows("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe", WRITTEN.minusMillis(300))).isTrue();
		assertThat(windows("C:\\Users\\ada\\AppData\\Local\\Temp\\embedded-pg\\PG-1\\bin\\postgres.exe", WRITTEN.minusSeconds(5),
				"postgres")).isTrue();
	}

	@Test
	void withoutArgumentsAProcessThatStartedAfterThePidFileGotThePidLater() {
		assertThat(windows("C:\\Program Files\\Java\\jdk-17\\bin\\java.exe", WRITTEN.plusSeconds(1))).isFalse();
	}

	@Test
	void withoutArgumentsAnotherExecutableIsNotOurs() {
		assertThat(windows("C:\\Windows\\System32\\svchost.exe", WRITTEN.minusSeconds(5))).isFalse();
		assertThat(windows("C:\\tools\\javaw.exe", WRITTEN.minusSeconds(5))).isFalse();
		assertThat(ProcessIdentity.matches(Optional.empty(), Optional.empty(), Optional.of(WRITTEN.minusSeconds(5)),
				Optional.of(WRITTEN), MARKER, "java")).as("executable unknown").isFalse();
	}

	@Test
	void withoutArgumentsAndAnUnknownStartTheExecutableDecides() {
		assertThat(ProcessIdentity.matches(Optional.empty(), Optional.of("C:\\jdk\\bin\\JAVA.EXE"), Optional.empty(),
				Optional.of(WRITTEN), MARKER, "java")).isTrue();
	}

	private static boolean windows(String command, Instant started) {
		return windows(command, started, "java");
	}

	private static boolean windows(String command, Instant started, String executable) {
		return ProcessIdentity.matches(Optional.empty(), Optional.of(command), Optional.of(started), Optional.of(WRITTEN),
				MARKER, executable);
	}
}
