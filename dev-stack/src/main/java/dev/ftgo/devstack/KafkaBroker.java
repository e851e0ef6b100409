package dev.ftgo.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.common.Uuid;

/**
 * A real KRaft node (broker and controller in one), run as a child JVM from {@code dev-stack/target/kafka-lib}
 * so that it can be stopped, killed and restarted like any other component: alone, or one node of a
 * {@link KafkaCluster}. Its data directory keeps topics and offsets between runs.
 */
public final class KafkaBroker implements ManagedComponent {

	private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(120);
	// A combined broker+controller writes its final snapshot on SIGTERM; give it time before SIGKILL.
	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final String name;
	private final Path dataDir;
	private final int nodeId;
	private final int port;
	private final Map<Integer, Integer> controllerPorts;
	private final Supplier<String> clusterId;
	private final Path kafkaLib;
	private final ManagedProcess process;

	/** A broker alone, in a cluster of its own. */
	public KafkaBroker(Path dataDir, int port, int controllerPort, Path kafkaLib, Path runDir) {
		this(Component.KAFKA.id(), dataDir, 1, port, Map.of(1, controllerPort), () -> Uuid.randomUuid().toString(),
				kafkaLib, runDir);
	}

	/**
	 * @param name its log, pid file and marker: {@code kafka}, {@code kafka-2}
	 * @param controllerPorts every node's id and controller port, its own included
	 * @param clusterId asked once, when the storage is formatted: every node of a cluster must get the same
	 */
	KafkaBroker(String name, Path dataDir, int nodeId, int port, Map<Integer, Integer> controllerPorts,
				Supplier<String> clusterId, Path kafkaLib, Path runDir) {
		this.name = name;
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.nodeId = nodeId;
		this.port = port;
		this.controllerPorts = Map.copyOf(controllerPorts);
		this.clusterId = clusterId;
		this.kafkaLib = kafkaLib.toAbsolutePath().normalize();
		this.process = new ManagedProcess(name, command("kafka.Kafka", "-Xmx384m", properties().toString()),
				this.dataDir, runDir, new KafkaProbe(port, nodeId));
	}

	@Override
	public String name() {
		return name;
	}

	public int nodeId() {
		return nodeId;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	public int port() {
		return port;
	}

	public ManagedProcess process() {
		return process;
	}

	/** Writes the configuration, formats the storage on first use, and launches the broker. */
	@Override
	public synchronized void start() {
		if (!Files.isDirectory(kafkaLib)) {
			throw new StackException("Kafka's classpath " + kafkaLib + " is missing. Build it with ./mvnw -pl dev-stack package.");
		}
		process.stopLeftover();
		KafkaServerProperties.write(dataDir, nodeId, port, controllerPorts);
		if (!Files.exists(KafkaServerProperties.logDir(dataDir).resolve("meta.properties"))) {
			formatStorage();
		}
		process.start();
	}

	private void formatStorage() {
		// The quorum is static (controller.quorum.voters), so no --standalone.
		List<String> format = command("kafka.tools.StorageTool", "-Xmx256m",
				"format", "-t", clusterId.get(), "-c", properties().toString());
		try {
			Process formatting = ChildCommand.launch("kafka storage format", format, dataDir, process.logFile());
			if (!formatting.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				ProcessTree.kill(formatting.toHandle());
				throw ComponentFailedException.failed(name, "storage format did not finish within "
						+ FORMAT_TIMEOUT.toSeconds() + " s.", process.logFile(), null);
			}
			if (formatting.exitValue() != 0) {
				throw ComponentFailedException.failed(name, "storage format failed with exit code "
						+ formatting.exitValue() + ".", process.logFile(), null);
			}
		} catch (IOException e) {
			throw ComponentFailedException.failed(name, "could not format its storage: " + e.getMessage(), process.logFile(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while formatting Kafka's storage", e);
		}
	}

	private List<String> command(String mainClass, String heap, String... arguments) {
		List<String> command = new ArrayList<>(List.of(ChildCommand.java(), "-Xms64m", heap,
				"-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", ChildCommand.marker(name),
				// the broker logs through SLF4J; slf4j-simple writes to stderr, which ends up in kafka.log
				"-Dorg.slf4j.simpleLogger.showDateTime=true",
				"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS",
				"-cp", kafkaLib.resolve("*").toString(), mainClass));
		command.addAll(List.of(arguments));
		return command;
	}

	private Path properties() {
		return dataDir.resolve("server.properties");
	}

	@Override
	public void awaitHealthy(Duration timeout) {
		process.awaitHealthy(timeout);
	}

	@Override
	public void stop() {
		process.stop(STOP_GRACE);
	}

	@Override
	public void kill() {
		process.kill();
	}

	public synchronized void restart() {
		stop();
		start();
	}

	@Override
	public boolean isAlive() {
		return process.isAlive();
	}

	public long pid() {
		return process.pid();
	}
}
