package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

class RunDirectoriesTest {

	private Path runDir;

	@AfterEach
	void cleanUp() throws IOException {
		System.clearProperty(RunDirectories.KEEP);
		if (runDir != null) {
			FileSystemUtils.deleteRecursively(runDir);
		}
	}

	@Test
	void releaseDeletesTheRunDirectoryWithEverythingInIt() throws IOException {
		runDir = RunDirectories.create("run-directories-test");
		Files.createDirectories(runDir.resolve("data/postgres"));
		Files.writeString(runDir.resolve("logs.log"), "a log");

		RunDirectories.release(runDir);

		assertThat(runDir).doesNotExist();
		assertThat(runDir.getFileName().toString()).startsWith("ftgo-run-directories-test-");
	}

	@Test
	void theKeepPropertyKeepsItForALookAtTheLogs() throws IOException {
		runDir = RunDirectories.create("run-directories-test");
		Files.writeString(runDir.resolve("logs.log"), "a log");
		System.setProperty(RunDirectories.KEEP, "true");

		RunDirectories.release(runDir);

		assertThat(runDir.resolve("logs.log")).hasContent("a log");
	}

	@Test
	void releasingADirectoryThatIsGoneDoesNothing() throws IOException {
		runDir = RunDirectories.create("run-directories-test");
		RunDirectories.release(runDir);

		RunDirectories.release(runDir);

		assertThat(runDir).doesNotExist();
	}
}
