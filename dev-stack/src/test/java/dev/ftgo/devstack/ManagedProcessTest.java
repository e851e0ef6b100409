package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

	private static final Duration STARTUP = Duration.ofSeconds(30);

	@TempDir
	Path runDir;

	private final List<ManagedProcess> managed = new ArrayList<>();
	private final List<ProcessHandle> unmanaged = new ArrayList<>();

	@AfterEach
	void killEverythingStarted() {
		managed.forEach(ManagedProcess::kill);
		unmanaged.forEach(ProcessTree::kill);
	}

	@Test
	void runsTheChildItselfWithItsOutputInTheLogAndItsPidInThePidFile() throws IOException {
		ManagedProcess idle = idle("idle");

		idle.start();
		idle.awaitHealthy(STARTUP);

		// setsid, where present, execs in place: the pid is the JVM's, carrying the marker
		assertThat(ProcessIdentity.arguments(ProcessHandle.of(idle.pid()).orElseThrow()).orElseThrow()).contains("-Dftgo.component=idle");
		assertThat(Files.readString(runDir.resolve("pids/idle.pid")).trim()).isEqualTo(Long.toString(idle.pid()));
		assertThat(Files.readString(runDir.resolve("logs/idle.log"))).contains("ready");
	}

	@Test
	void givesTheChildAnEmptyTemporaryFolderOfItsOwnInTheRunDir() throws IOException {
		Path temporaryFolder = runDir.resolve("tmp").resolve("idle");
		Files.createDirectories(temporaryFolder);
		Files.writeString(temporaryFolder.resolve("left-by-an-earlier-run"), "stale");
		List<String> command = new ArrayList<>(ChildMains.command("idle", ChildMains.Idle.class));
		command.add(1, ChildCommand.temporaryFolder(runDir, "idle"));
		Path log = runDir.resolve("logs/idle.log");
		ManagedProcess idle = managed(new ManagedProcess("idle", command, runDir, runDir,
				() -> Files.readString(log).contains("ready")));

		idle.start();
		idle.awaitHealthy(STARTUP);

		assertThat(ProcessIdentity.arguments(ProcessHandle.of(idle.pid()).orElseThrow()).orElseThrow())
				.contains("-Djava.io.tmpdir=" + temporaryFolder);
		assertThat(temporaryFolder).isEmptyDirectory();
	}

	@Test
	void stopLeavesNoProcessBehindIncludingDescendants() throws IOException {
		ManagedProcess spawner = managed(new ManagedProcess("spawner", ChildMains.command("spawner", ChildMains.Spawner.class),
				runDir, runDir, () -> grandchildPid(runDir.resolve("logs/spawner.log")) > 0));
		spawner.start();
		spawner.awaitHealthy(STARTUP);
		long pid = spawner.pid();
		long grandchild = grandchildPid(spawner.logFile());

		spawner.stop(Duration.ofSeconds(10));

		assertThat(isAlive(pid)).isFalse();
		assertThat(isAlive(grandchild)).isFalse();
		assertThat(runDir.resolve("pids/spawner.pid")).doesNotExist();
		assertThat(spawner.exitCode()).isPresent();
	}

	@Test
	void killEndsTheProcessAtOnceWithSigkill() {
		ManagedProcess idle = idle("idle");
		idle.start();
		idle.awaitHealthy(STARTUP);
		long pid = idle.pid();

		idle.kill();

		assertThat(isAlive(pid)).isFalse();
		assertThat(idle.exitCode()).hasValue(128 + 9);
	}

	@Test
	void healthTimeoutNamesTheComponentAndShowsItsLog() {
		ManagedProcess neverHealthy = managed(new ManagedProcess("never-healthy",
				ChildMains.command("never-healthy", ChildMains.Idle.class), runDir, runDir, () -> false));
		neverHealthy.start();

		assertThatThrownBy(() -> neverHealthy.awaitHealthy(Duration.ofSeconds(2)))
				.isInstanceOf(ComponentFailedException.class)
				.hasMessageStartingWith("never-healthy did not become healthy within 2 s")
				.hasMessageContaining(runDir.resolve("logs/never-healthy.log").toString());
		assertThat(neverHealthy.isAlive()).as("a timeout alone does not stop the process").isTrue();
	}

	@Test
	void exitBeforeHealthyReportsTheExitCodeAndTheLastLogLines() {
		ManagedProcess failing = managed(new ManagedProcess("failing",
				ChildMains.command("failing", ChildMains.Failing.class), runDir, runDir, () -> false));
		failing.start();

		assertThatThrownBy(() -> failing.awaitHealthy(STARTUP))
				.isInstanceOf(ComponentFailedException.class)
				.hasMessageStartingWith("failing exited with code 3 before it became healthy.")
				.hasMessageContaining("boom: no database")
				.satisfies(e -> assertThat(((ComponentFailedException) e).exitCode()).hasValue(3));
	}

	@Test
	void startEndsALeftoverOfTheSameComponentNamedInThePidFile() throws IOException {
		ProcessHandle leftover = unmanaged(ChildMains.command("idle", ChildMains.Idle.class));
		Files.createDirectories(runDir.resolve("pids"));
		Files.writeString(runDir.resolve("pids/idle.pid"), leftover.pid() + "\n");

		ManagedProcess idle = idle("idle");
		idle.start();

		assertThat(isAlive(leftover.pid())).isFalse();
		assertThat(idle.isAlive()).isTrue();
		assertThat(idle.pid()).isNotEqualTo(leftover.pid());
	}

	@Test
	void startLeavesAnUnrelatedProcessAloneEvenIfThePidFileNamesIt() throws IOException {
		ProcessHandle unrelated = unmanaged(ChildMains.unmarkedCommand(ChildMains.Idle.class));
		Files.createDirectories(runDir.resolve("pids"));
		Files.writeString(runDir.resolve("pids/idle.pid"), unrelated.pid() + "\n");

		idle("idle").start();

		assertThat(isAlive(unrelated.pid())).isTrue();
	}

	private ManagedProcess idle(String name) {
		Path log = runDir.resolve("logs").resolve(name + ".log");
		return managed(new ManagedProcess(name, ChildMains.command(name, ChildMains.Idle.class), runDir, runDir,
				() -> Files.readString(log).contains("ready")));
	}

	private ManagedProcess managed(ManagedProcess process) {
		managed.add(process);
		return process;
	}

	private ProcessHandle unmanaged(List<String> command) throws IOException {
		ProcessHandle process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start().toHandle();
		unmanaged.add(process);
		return process;
	}

	private static long grandchildPid(Path log) throws IOException {
		Matcher matcher = Pattern.compile("grandchild (\\d+)").matcher(Files.exists(log) ? Files.readString(log) : "");
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	private static boolean isAlive(long pid) {
		return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}
}
