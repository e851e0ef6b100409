package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaServerPropertiesTest {

	@Test
	void aWindowsPathSurvivesThePropertiesFile() throws IOException {
		String windows = "C:\\Users\\Ada Lovelace\\ftgo\\.dev-stack\\data\\kafka\\logs";

		Properties read = new Properties();
		read.load(new StringReader("log.dirs=" + KafkaServerProperties.propertyPath(windows)));

		assertThat(read.getProperty("log.dirs")).isEqualTo("C:/Users/Ada Lovelace/ftgo/.dev-stack/data/kafka/logs");
	}

	@Test
	void theBrokerReadsTheLogDirectoryItIsGiven(@TempDir Path tmp) throws IOException {
		Path dataDir = tmp.resolve("a folder with spaces").resolve("kafka");

		Path file = KafkaServerProperties.write(dataDir, 19092, 19093);

		Properties read = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			read.load(reader);
		}
		assertThat(Path.of(read.getProperty("log.dirs"))).isEqualTo(KafkaServerProperties.logDir(dataDir));
		assertThat(read.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
		assertThat(read.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
		assertThat(read.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
		assertThat(read.getProperty("min.insync.replicas")).isNull();
	}

	@Test
	void aNodeOfAThreeBrokerClusterVotesWithAllThreeAndKeepsThreeCopiesOfEveryInternalTopic(@TempDir Path tmp)
			throws IOException {
		Path file = KafkaServerProperties.write(tmp.resolve("node-2"), 2, 29092, Map.of(1, 19093, 2, 29093, 3, 39093));

		Properties read = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			read.load(reader);
		}
		assertThat(read.getProperty("node.id")).isEqualTo("2");
		assertThat(read.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093,2@127.0.0.1:29093,3@127.0.0.1:39093");
		assertThat(read.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093");
		assertThat(read.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:29092");
		assertThat(read).containsEntry("offsets.topic.replication.factor", "3")
				.containsEntry("transaction.state.log.replication.factor", "3")
				.containsEntry("transaction.state.log.min.isr", "2")
				.containsEntry("share.coordinator.state.topic.replication.factor", "3")
				.containsEntry("share.coordinator.state.topic.min.isr", "2")
				.containsEntry("default.replication.factor", "3")
				.containsEntry("min.insync.replicas", "2");
	}
}
