package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a scaled stack is laid out: names, ports, logs, pid files, arguments. Starts nothing but a leftover. */
class ScaledStackTest {

	@TempDir
	Path runDir;

	private final List<Process> started = new CopyOnWriteArrayList<>();

	@AfterEach
	void endStartedProcesses() {
		started.forEach(process -> ProcessTree.kill(process.toHandle()));
	}

	@Test
	void aDefaultStackRunsOneOfEachOnTheDocumentedPortsWithTheUsualFileNames() {
		Stack stack = Stack.builder(layout(), StackPorts.defaults()).build();

		assertThat(stack.instances()).hasSize(Component.values().length);
		assertThat(stack.process(Component.ORDER_SERVICE).command())
				.contains("--server.port=8082", "-Dftgo.component=order-service", "--spring.kafka.bootstrap-servers=127.0.0.1:19092");
		assertThat(stack.process(Component.ORDER_SERVICE).logFile()).isEqualTo(runDir.resolve("logs/order-service.log"));
		assertThat(stack.process(Component.CDC_RELAY).command()).contains("--ftgo.relay.kafka.bootstrap-servers=127.0.0.1:19092",
				"--ftgo.relay.topics.replication-factor=1", "--ftgo.relay.topics.min-insync-replicas=1");
		assertThat(stack.kafka().process().logFile()).isEqualTo(runDir.resolve("logs/kafka.log"));
		assertThat(stack.kafka().process().command()).contains("-Dftgo.component=kafka");
		assertThat(stack.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
	}

	@Test
	void everyInstanceHasItsOwnPortLogPidFileAndMarkerAndEveryClientKnowsEveryBroker() {
		Stack stack = Stack.builder(layout(), StackPorts.defaults()).scale(new Scale(2, 3)).build();
		String bootstrap = stack.kafkaBootstrapServers();

		assertThat(bootstrap.split(",")).hasSize(3).startsWith("127.0.0.1:19092");
		for (Component service : List.of(Component.CONSUMER_SERVICE, Component.ORDER_SERVICE, Component.KITCHEN_SERVICE)) {
			assertThat(stack.instances(service)).extracting(Instance::id).containsExactly(service.id(), service.id() + "-2");
			assertThat(stack.port(service, 1)).isEqualTo(StackPorts.defaults().of(service));
			ManagedProcess second = stack.process(service, 2);
			assertThat(second.command()).contains("--server.port=" + stack.port(service, 2),
					"-Dftgo.component=" + service.id() + "-2", "--spring.kafka.bootstrap-servers=" + bootstrap);
			assertThat(second.logFile()).isEqualTo(runDir.resolve("logs/" + service.id() + "-2.log"));
		}
		assertThat(stack.instances(Component.CDC_RELAY)).hasSize(2);
		for (Instance relay : stack.instances(Component.CDC_RELAY)) {
			assertThat(stack.process(relay).command()).contains("--ftgo.relay.kafka.bootstrap-servers=" + bootstrap,
					"--ftgo.relay.topics.replication-factor=3", "--ftgo.relay.topics.min-insync-replicas=2");
		}
		assertThat(stack.instances(Component.API_GATEWAY)).hasSize(1);
		assertThat(stack.kafka(2).name()).isEqualTo("kafka-2");
		assertThat(stack.kafka(2).nodeId()).isEqualTo(2);
		assertThat(stack.kafka(3).process().logFile()).isEqualTo(runDir.resolve("logs/kafka-3.log"));
		assertThat(stack.kafka(3).process().command()).contains("-Dftgo.component=kafka-3",
				runDir.resolve("data/kafka-3-brokers/node-3/server.properties").toString());
		assertThatThrownBy(() -> stack.get(Component.ORDER_SERVICE, 3)).hasMessageContaining("order-service-3 is not part of this stack");
	}

	@Test
	void theNodesOfAClusterShareOneClusterId() {
		Path file = runDir.resolve("data/kafka-3-brokers/cluster.id");

		String first = KafkaCluster.clusterId(file);

		assertThat(KafkaCluster.clusterId(file)).isEqualTo(first).hasSize(22);
	}

	@Test
	void preflightStopsALeftoverFurtherInstanceThatThisStackDoesNotRun() throws IOException {
		Process leftover = launch(ChildMains.command("order-service-2", ChildMains.Idle.class));
		Process unrelated = launch(ChildMains.unmarkedCommand(ChildMains.Idle.class));
		Process firstInstance = launch(ChildMains.command("kitchen-service", ChildMains.Idle.class));
		Files.createDirectories(layout().pidsDir());
		Files.writeString(layout().pidsDir().resolve("order-service-2.pid"), leftover.pid() + "\n");
		Files.writeString(layout().pidsDir().resolve("kitchen-service-3.pid"), unrelated.pid() + "\n");
		Files.writeString(layout().pidsDir().resolve("kitchen-service.pid"), firstInstance.pid() + "\n");
		List<String> notices = new CopyOnWriteArrayList<>();

		Preflight.run(layout(), InstancePorts.assign(StackPorts.free(), Scale.SINGLE), Map.of(), false, new StackListener() {
			@Override
			public void notice(String message) {
				notices.add(message);
			}
		});

		assertThat(exited(leftover)).isTrue();
		assertThat(unrelated.isAlive()).isTrue();
		// instance 1 of a component this stack does not run: a stack of some components never stopped it
		assertThat(firstInstance.isAlive()).isTrue();
		assertThat(notices).containsExactly("Stopped a leftover order-service-2 (pid " + leftover.pid() + ") from an earlier run");
		assertThat(layout().pidsDir().resolve("order-service-2.pid")).doesNotExist();
	}

	private Process launch(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		started.add(process);
		return process;
	}

	private static boolean exited(Process process) {
		try {
			return process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private StackLayout layout() {
		return new StackLayout(runDir.resolve("project"), runDir);
	}
}
