package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.Uuid;

/**
 * The stack's Kafka: a single {@link KafkaBroker} as always, or from two brokers on a cluster of combined
 * broker+controller nodes in a static quorum. A cluster keeps its data apart from a single broker's (and from a
 * cluster of another size): a quorum's metadata cannot change its voters by a restart, so switching between
 * sizes starts from that size's own data instead of failing on the other's.
 */
final class KafkaCluster {

	private KafkaCluster() {
	}

	static List<KafkaBroker> brokers(StackLayout layout, InstancePorts ports) {
		List<Instance> nodes = ports.instances(Component.KAFKA);
		if (nodes.size() == 1) {
			return List.of(new KafkaBroker(layout.kafkaDataDir(), ports.of(nodes.get(0)), ports.controller(1),
					layout.kafkaLib(), layout.runDir()));
		}
		Path clusterDir = layout.kafkaClusterDir(nodes.size());
		Path clusterIdFile = clusterDir.resolve("cluster.id");
		List<KafkaBroker> brokers = new ArrayList<>();
		for (Instance node : nodes) {
			brokers.add(new KafkaBroker(node.id(), clusterDir.resolve("node-" + node.number()), node.number(), ports.of(node),
					ports.controllers(), () -> clusterId(clusterIdFile), layout.kafkaLib(), layout.runDir()));
		}
		return brokers;
	}

	/**
	 * The id every node's storage is formatted with: made by the first node to format, read by the others (and by
	 * a node whose storage was deleted alone), so that they all form one cluster.
	 */
	static synchronized String clusterId(Path file) {
		try {
			if (Files.isRegularFile(file)) {
				return Files.readString(file).trim();
			}
			String id = Uuid.randomUuid().toString();
			Files.createDirectories(file.getParent());
			Files.writeString(file, id + "\n");
			return id;
		} catch (IOException e) {
			throw new UncheckedIOException("Could not read or write Kafka's cluster id in " + file, e);
		}
	}
}
