package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A node's {@code server.properties}: combined broker+controller nodes on loopback, one alone or several in a
 * static KRaft quorum of all of them. With several, every internal topic gets the replication of {@link Scale}
 * (three copies, two in sync for a write), as topics of a production cluster would.
 */
final class KafkaServerProperties {

	private KafkaServerProperties() {
	}

	/** The single node of a one-broker stack. */
	static Path write(Path dataDir, int port, int controllerPort) {
		return write(dataDir, 1, port, Map.of(1, controllerPort));
	}

	/**
	 * @param controllerPorts every node's id and controller port: the quorum's voters
	 */
	static Path write(Path dataDir, int nodeId, int port, Map<Integer, Integer> controllerPorts) {
		Scale scale = new Scale(1, controllerPorts.size());
		int replicas = scale.replicationFactor();
		int minInsync = scale.minInsyncReplicas();
		String voters = new TreeMap<>(controllerPorts).entrySet().stream()
				.map(voter -> voter.getKey() + "@127.0.0.1:" + voter.getValue()).collect(Collectors.joining(","));
		List<String> lines = new ArrayList<>(List.of(
				"# Written by dev-stack on every start; edits are overwritten.",
				"process.roles=broker,controller",
				"node.id=" + nodeId,
				"controller.quorum.voters=" + voters,
				"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPorts.get(nodeId),
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
				"controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"log.dirs=" + propertyPath(logDir(dataDir).toString()),
				"num.partitions=3",
				"offsets.topic.replication.factor=" + replicas,
				"transaction.state.log.replication.factor=" + replicas,
				"transaction.state.log.min.isr=" + minInsync,
				"share.coordinator.state.topic.replication.factor=" + replicas,
				"share.coordinator.state.topic.min.isr=" + minInsync,
				"# A small cluster: the defaults of 50 partitions only slow down the first consumer group.",
				"offsets.topic.num.partitions=3",
				"transaction.state.log.num.partitions=3",
				"group.initial.rebalance.delay.ms=0",
				"# Topics are created on purpose, with their partition count, never by a typo.",
				"auto.create.topics.enable=false"));
		if (controllerPorts.size() > 1) {
			lines.addAll(List.of(
					"# Every topic, the consumer offsets included, has its copies on several brokers; a write",
					"# counts once enough of them have it, so one broker may be down without losing any.",
					"default.replication.factor=" + replicas,
					"min.insync.replicas=" + minInsync));
		}
		Path file = dataDir.resolve("server.properties");
		try {
			Files.createDirectories(dataDir);
			Files.write(file, lines);
			return file;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not write " + file, e);
		}
	}

	/**
	 * A path as a properties-file value: a backslash there starts an escape, so a Windows path
	 * (C:\\Users\\...) would lose its separators. Java and Kafka take forward slashes on Windows too.
	 */
	static String propertyPath(String path) {
		return path.replace('\\', '/');
	}

	static Path logDir(Path dataDir) {
		return dataDir.resolve("logs");
	}
}
