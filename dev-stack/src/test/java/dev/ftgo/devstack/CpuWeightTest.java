package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuWeightTest {

	@TempDir
	Path runDir;

	private final List<ManagedProcess> started = new ArrayList<>();

	@AfterEach
	void killEverythingStarted() {
		started.forEach(ManagedProcess::kill);
	}

	@Test
	void theGatewaysInstancesAreTheEdge() {
		assertThat(CpuWeight.isEdge("api-gateway")).isTrue();
		assertThat(CpuWeight.isEdge("api-gateway-2")).isTrue();
		assertThat(CpuWeight.isEdge("order-service")).isFalse();
		assertThat(CpuWeight.isEdge("api-gateway-x")).isFalse();
		assertThat(CpuWeight.isEdge("api-gateway2")).isFalse();
	}

	@Test
	void anyOtherChildKeepsTheDefaultWeight() {
		assertThat(CpuWeight.settle("order-service", ProcessHandle.current().pid())).isEqualTo(CpuWeight.Outcome.UNCHANGED);
	}

	@Test
	void writesTheEdgesNiceValueToItsAutogroupFile() throws IOException {
		Path autogroup = Files.writeString(runDir.resolve("autogroup"), "/autogroup-1 nice 0\n");

		assertThat(CpuWeight.raise(autogroup)).isEqualTo(CpuWeight.Outcome.RAISED);
		assertThat(autogroup).hasContent(Integer.toString(CpuWeight.EDGE_NICE));
	}

	@Test
	void aFileThatCannotBeWrittenLeavesTheWeightAsItWas() {
		Path missing = runDir.resolve("no-such-process/autogroup");

		assertThat(CpuWeight.raise(missing)).isEqualTo(CpuWeight.Outcome.NOT_PERMITTED);
		assertThat(missing).doesNotExist();
	}

	@Test
	void aChildStillInTheLaunchersGroupIsNotTouched() throws IOException {
		Path launcher = Files.writeString(runDir.resolve("launcher"), "/autogroup-7 nice 0\n");
		Path child = Files.writeString(runDir.resolve("child"), "/autogroup-7 nice 0\n");
		Path away = Files.writeString(runDir.resolve("away"), "/autogroup-8 nice 0\n");

		assertThat(CpuWeight.awaitSessionOfItsOwn(child, launcher)).isFalse();
		assertThat(CpuWeight.awaitSessionOfItsOwn(away, launcher)).isTrue();
	}

	@Test
	void aHealthyEdgeWeighsMoreWherePermittedTheOthersDoNotAndTheLauncherKeepsItsWeight() throws IOException {
		Path launcherGroup = Path.of("/proc/self/autogroup");
		String launcherBefore = Files.exists(launcherGroup) ? Files.readString(launcherGroup) : "";
		ManagedProcess service = start("order-service");
		ManagedProcess edge = start("api-gateway");
		ManagedProcess secondEdge = start("api-gateway-2");
		for (ManagedProcess process : started) {
			process.awaitHealthy(Duration.ofSeconds(30));
		}

		// ManagedProcess settled each weight when it found the process healthy; settling again tells which outcome
		// that had here
		for (ManagedProcess gateway : List.of(edge, secondEdge)) {
			String asLaunched = Files.exists(autogroupOf(gateway)) ? Files.readString(autogroupOf(gateway)) : "";
			CpuWeight.Outcome outcome = CpuWeight.settle(gateway.name(), gateway.pid());
			switch (outcome) {
				case RAISED -> assertThat(asLaunched).contains("nice " + CpuWeight.EDGE_NICE);
				case NOT_PERMITTED -> assertThat(asLaunched).contains("nice 0");
				case NO_AUTOGROUPS -> assertThat(launcherGroup).doesNotExist();
				case UNCHANGED -> throw new AssertionError(gateway.name() + " is the edge");
			}
		}
		if (Files.exists(launcherGroup)) {
			assertThat(Files.readString(autogroupOf(service))).contains("nice 0");
			assertThat(Files.readString(launcherGroup)).isEqualTo(launcherBefore);
		}
	}

	private static Path autogroupOf(ManagedProcess process) {
		return Path.of("/proc", Long.toString(process.pid()), "autogroup");
	}

	private ManagedProcess start(String name) {
		Path log = runDir.resolve("logs").resolve(name + ".log");
		ManagedProcess process = new ManagedProcess(name, ChildMains.command(name, ChildMains.Idle.class), runDir, runDir,
				() -> Files.readString(log).contains("ready"));
		started.add(process);
		process.start();
		return process;
	}
}
