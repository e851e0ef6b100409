package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestration with the two components that need no service jars. */
class StackIT {

	@TempDir
	Path runDir;

	private final List<String> events = new CopyOnWriteArrayList<>();
	private Stack stack;

	@AfterEach
	void closeStack() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void startsInfrastructureInParallelAndCloseLeavesNoProcess() {
		stack = infrastructure(StackPorts.free());

		stack.start();

		assertThat(events).containsExactlyInAnyOrder("started postgres", "started kafka");
		long postgres = stack.postgres().pid().orElseThrow();
		long kafka = stack.kafka().pid();

		stack.close();

		assertThat(ProcessHandle.of(postgres).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(ProcessHandle.of(kafka).filter(ProcessHandle::isAlive)).isEmpty();
		assertThat(events.subList(2, events.size())).containsExactlyInAnyOrder("stopped kafka", "stopped postgres");
	}

	@Test
	void aKilledComponentCanBeStartedAgain() {
		stack = infrastructure(StackPorts.free());
		stack.start();
		long killed = stack.kafka().pid();

		stack.kill(Component.KAFKA);
		assertThat(stack.get(Component.KAFKA).isAlive()).isFalse();
		stack.start(Component.KAFKA);

		assertThat(stack.kafka().pid()).isNotEqualTo(killed);
		assertThat(stack.get(Component.KAFKA).isAlive()).isTrue();
	}

	@Test
	void aLeftoverOfACrashedRunIsStoppedAndReported() {
		StackPorts ports = StackPorts.free();
		Stack crashed = Stack.builder(StackLayout.detect().withRunDir(runDir), ports).with(Component.KAFKA).build();
		try {
			crashed.start();
			long leftover = crashed.kafka().pid();

			stack = infrastructure(ports);
			stack.start();

			assertThat(ProcessHandle.of(leftover).filter(ProcessHandle::isAlive)).isEmpty();
			assertThat(events).contains("notice Stopped a leftover kafka (pid " + leftover + ") from an earlier run");
			assertThat(stack.kafka().isAlive()).isTrue();
		} finally {
			crashed.kill(Component.KAFKA);
		}
	}

	@Test
	void aTakenPortFailsBeforeAnythingIsLaunched() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			stack = infrastructure(StackPorts.free().with(Component.KAFKA, taken.getLocalPort()));

			assertThatThrownBy(stack::start)
					.isInstanceOf(PortInUseException.class)
					.hasMessageContaining("(kafka)")
					.hasMessageContaining("--kafka-port=...");
		}
		assertThat(stack.get(Component.POSTGRES).isAlive()).isFalse();
		assertThat(events).isEmpty();
	}

	@Test
	void aMissingServiceJarIsReportedWithTheBuildCommand() {
		StackLayout elsewhere = new StackLayout(runDir.resolve("no-project"), runDir);
		stack = Stack.builder(elsewhere, StackPorts.free()).with(Component.SERVICE_REGISTRY).build();

		assertThatThrownBy(stack::start)
				.isInstanceOf(StackException.class)
				.hasMessageStartingWith("service-registry is not built: ")
				.hasMessageContaining("./mvnw -DskipTests package");
	}

	private Stack infrastructure(StackPorts ports) {
		return Stack.builder(StackLayout.detect().withRunDir(runDir), ports)
				.with(Component.POSTGRES, Component.KAFKA)
				.startTimeout(Duration.ofMinutes(2))
				.listener(new StackListener() {
					@Override
					public void started(Instance instance, Duration took, String detail) {
						events.add("started " + instance);
					}

					@Override
					public void stopped(Instance instance, Duration took) {
						events.add("stopped " + instance);
					}

					@Override
					public void notice(String message) {
						events.add("notice " + message);
					}
				})
				.build();
	}
}
