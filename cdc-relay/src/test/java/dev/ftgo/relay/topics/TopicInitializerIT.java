package dev.ftgo.relay.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import dev.ftgo.relay.RelaySettings;
import dev.ftgo.testsupport.TestKafka;

/**
 * Topics created against a real broker carry the relay's min.insync.replicas when it is set, and the broker's
 * default when not. Each test names topics of its own: the broker is shared by every test of the JVM.
 */
class TopicInitializerIT {

	private static final RelaySettings.Engine ENGINE = new RelaySettings.Engine("public.outbox", "ftgo_relay_",
			"ftgo_relay_offsets", Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(8), null);

	@Test
	void createsEachTopicAndItsDeadLetterTopicWithTheConfiguredMinInsyncReplicas() throws Exception {
		String topic = "min-isr-" + UUID.randomUUID();

		create(new RelaySettings.Topics(true, List.of(topic), 3, (short) 1, 1, "-dlt"));

		for (String name : List.of(topic, topic + "-dlt")) {
			ConfigEntry minInsync = minInsyncReplicas(name);
			assertThat(minInsync.value()).isEqualTo("1");
			assertThat(minInsync.source()).as(name + ": set on the topic").isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
		}
	}

	@Test
	void leavesMinInsyncReplicasToTheBrokerUnlessConfigured() throws Exception {
		String topic = "broker-default-" + UUID.randomUUID();

		create(new RelaySettings.Topics(true, List.of(topic), 3, (short) 1, null, "-dlt"));

		assertThat(minInsyncReplicas(topic).source()).isNotEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
	}

	private static void create(RelaySettings.Topics topics) {
		new TopicInitializer(TestKafka.bootstrapServers(), topics, ENGINE).ensureTopics();
	}

	private static ConfigEntry minInsyncReplicas(String topic) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
			return admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
					.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
		}
	}
}
