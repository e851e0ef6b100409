package dev.ftgo.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RelaySettingsTest {

	private static final RelaySettings.Engine ENGINE = new RelaySettings.Engine("public.outbox", "ftgo_relay_",
			"ftgo_relay_offsets", Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30), null);

	@Test
	void aSourceNeedsOnlyItsNameAndDatabase() {
		var settings = settings(new RelaySettings.Source("order-service", null, null, "order_service", null, null, null, null));

		assertThat(settings.sources()).singleElement().satisfies(source -> {
			assertThat(source.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:15432/order_service");
			assertThat(source.username()).isEqualTo("order_service");
			assertThat(source.password()).isEqualTo("order_service");
			assertThat(source.slotName()).isEqualTo("ftgo_relay_order_service");
			assertThat(source.publicationName()).isEqualTo("ftgo_relay_order_service");
		});
	}

	@Test
	void explicitValuesWin() {
		var settings = settings(new RelaySettings.Source("kitchen", "db.example", 5433, "kitchen_service", "relay", "secret",
				"kitchen_slot", "kitchen_pub"));

		assertThat(settings.sources()).singleElement().satisfies(source -> {
			assertThat(source.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/kitchen_service");
			assertThat(source.username()).isEqualTo("relay");
			assertThat(source.password()).isEqualTo("secret");
			assertThat(source.slotName()).isEqualTo("kitchen_slot");
			assertThat(source.publicationName()).isEqualTo("kitchen_pub");
			assertThat(source.toString()).doesNotContain("secret");
		});
	}

	@Test
	void refusesTwoEnginesOnOneSlot() {
		assertThatThrownBy(() -> settings(
				new RelaySettings.Source("a", null, null, "order_service", null, null, null, null),
				new RelaySettings.Source("b", null, null, "order_service", null, null, null, null)))
				.hasMessageContaining("ftgo_relay_order_service");
	}

	@Test
	void namesEveryTopicAndItsDeadLetterTopic() {
		var topics = new RelaySettings.Topics(true, List.of("order.events", "order.replies"), 3, (short) 1, null, "-dlt");

		assertThat(topics.withDeadLetters()).containsExactly("order.events", "order.events-dlt", "order.replies",
				"order.replies-dlt");
	}

	@Test
	void createsTopicsWithTheBrokersDefaultsUnlessMinInsyncReplicasIsSet() {
		assertThat(new RelaySettings.Topics(true, List.of("order.events"), 3, (short) 1, null, "-dlt").configs()).isEmpty();
		assertThat(new RelaySettings.Topics(true, List.of("order.events"), 3, (short) 3, 2, "-dlt").configs())
				.containsExactly(Map.entry("min.insync.replicas", "2"));
	}

	@Test
	void refusesMoreInsyncReplicasThanReplicas() {
		assertThatThrownBy(() -> new RelaySettings.Topics(true, List.of("order.events"), 3, (short) 2, 3, "-dlt"))
				.hasMessageContaining("min-insync-replicas").hasMessageContaining("(2): 3");
		assertThatThrownBy(() -> new RelaySettings.Topics(true, List.of("order.events"), 3, (short) 2, 0, "-dlt"))
				.hasMessageContaining("min-insync-replicas");
	}

	private static RelaySettings settings(RelaySettings.Source... sources) {
		return new RelaySettings(new RelaySettings.Postgres("127.0.0.1", 15432), List.of(sources),
				new RelaySettings.Kafka("127.0.0.1:19092", Duration.ofSeconds(30), Duration.ofMillis(5), Map.of()),
				new RelaySettings.Topics(true, List.of("order.events"), 3, (short) 1, null, "-dlt"), ENGINE);
	}
}
