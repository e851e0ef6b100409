package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The broker's {@code server.properties}: one combined broker+controller node on loopback. */
final class KafkaServerProperties {

	private KafkaServerProperties() {
	}

	static Path write(Path dataDir, int port, int controllerPort) {
		List<String> lines = List.of(
				"# Written by dev-stack on every start; edits are overwritten.",
				"process.roles=broker,controller",
				"node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
				"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
				"controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"log.dirs=" + propertyPath(logDir(dataDir).toString()),
				"num.partitions=3",
				"offsets.topic.replication.factor=1",
				"transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1",
				"# A single node: the defaults of 50 partitions only slow down the first consumer group.",
				"offsets.topic.num.partitions=3",
				"transaction.state.log.num.partitions=3",
				"group.initial.rebalance.delay.ms=0",
				"# Topics are created on purpose, with their partition count, never by a typo.",
				"auto.create.topics.enable=false");
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
