package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./stack stop} against a stand-in launcher, a child JVM that records its pid as the launcher does, and
 * against stand-ins of the processes a killed launcher leaves running.
 */
class StopCommandTest {

	@TempDir
	Path runDir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private Process launcher;
	private final List<Process> children = new ArrayList<>();

	@AfterEach
	void stopLauncher() {
		if (launcher != null) {
			ProcessTree.kill(launcher.toHandle());
		}
		children.forEach(child -> ProcessTree.kill(child.toHandle()));
	}

	@Test
	void withoutALauncherSaysNoStackRuns() {
		assertThat(stop()).isEqualTo(StopCommand.NOT_RUNNING);
		assertThat(err()).startsWith("No stack is running from " + runDir);
		assertThat(runDir.resolve("stop-requested")).doesNotExist();
	}

	@Test
	void aPidFileOfALauncherThatHasExitedCountsAsNoStack() throws Exception {
		startLauncher();
		ProcessTree.kill(launcher.toHandle());

		assertThat(stop()).isEqualTo(StopCommand.NOT_RUNNING);
		assertThat(runDir.resolve("stop-requested")).doesNotExist();
	}

	@Test
	void withoutALauncherStopsWhatItLeftRunningLastStageFirst() throws Exception {
		Process orderService = leftover("order-service");
		Process gateway = leftover("api-gateway");
		Process secondOrderService = leftover("order-service-2");
		Process unrelated = child(ChildMains.unmarkedCommand(ChildMains.Idle.class)); // a reused pid, not ours
		Files.writeString(runDir.resolve("pids/kitchen-service.pid"), unrelated.pid() + "\n");

		assertThat(stop()).isZero();

		assertThat(List.of(orderService, gateway, secondOrderService)).noneMatch(Process::isAlive);
		assertThat(unrelated.isAlive()).isTrue();
		assertThat(out()).startsWith("No stack is running from " + runDir)
				.contains("Stopped a leftover order-service (pid " + orderService.pid() + ")")
				.contains("Stopped a leftover order-service-2 (pid " + secondOrderService.pid() + ")")
				.endsWith("Stopped 3 leftover processes.\n");
		// the gateway's stage stops before the services'
		assertThat(out().indexOf("leftover api-gateway (pid " + gateway.pid() + ")")).isPositive()
				.isLessThan(out().indexOf("leftover order-service (pid"));
		assertThat(runDir.resolve("pids/order-service.pid")).doesNotExist();
		assertThat(runDir.resolve("pids/kitchen-service.pid")).exists();
	}

	@Test
	void requestsTheStopAndReturnsOnceTheLauncherHasExited() throws Exception {
		startLauncher();

		CompletableFuture<Integer> stopping = CompletableFuture.supplyAsync(this::stop);
		await().atMost(Duration.ofSeconds(30)).until(() -> new StopRequest(runDir).requested());
		assertThat(stopping).isNotDone();
		launcher.destroy(); // what the real launcher does once it has seen the request and stopped the stack

		assertThat(stopping.get()).isZero();
		assertThat(out()).contains("Stopping the stack (launcher pid " + launcher.pid() + ")...").contains("Stopped.");
	}

	@Test
	void aLauncherThatDoesNotExitInTimeIsReported() throws Exception {
		startLauncher();

		int code = stopCommand("--run-dir", runDir.toString(), "--timeout", "1s").run(new StackLayout(runDir, runDir));

		assertThat(code).isEqualTo(1);
		assertThat(err()).startsWith("The stack is still stopping after 1 s");
		assertThat(launcher.isAlive()).isTrue();
	}

	@Test
	void aLauncherStartingDropsARequestLeftByAnEarlierRunAndItsStopCleansUp() throws IOException {
		StopRequest request = new StopRequest(runDir);
		request.request();

		request.launcherStarting(ProcessHandle.current().pid());
		assertThat(request.requested()).isFalse();
		assertThat(request.runningLauncher()).map(ProcessHandle::pid).contains(ProcessHandle.current().pid());

		request.launcherStopped();
		assertThat(request.runningLauncher()).isEmpty();
		assertThat(Files.list(runDir.resolve("pids"))).isEmpty();
	}

	/** A child JVM marked as the instance, named by its pid file, as a killed launcher leaves one. */
	private Process leftover(String instance) throws IOException {
		Process process = child(ChildMains.command(instance, ChildMains.Idle.class));
		Files.createDirectories(runDir.resolve("pids"));
		Files.writeString(runDir.resolve("pids").resolve(instance + ".pid"), process.pid() + "\n");
		return process;
	}

	private Process child(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		children.add(process);
		return process;
	}

	private void startLauncher() throws IOException {
		launcher = new ProcessBuilder(ChildMains.unmarkedCommand(ChildMains.Idle.class))
				.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		new StopRequest(runDir).launcherStarting(launcher.pid());
	}

	private int stop() {
		return stopCommand("--run-dir=" + runDir).run(new StackLayout(runDir, runDir));
	}

	private StopCommand stopCommand(String... args) {
		return CommandLines.command(StopCommand.NAME, print(out), print(err), args);
	}

	private static PrintStream print(ByteArrayOutputStream bytes) {
		return new PrintStream(bytes, true, StandardCharsets.UTF_8);
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}
}
