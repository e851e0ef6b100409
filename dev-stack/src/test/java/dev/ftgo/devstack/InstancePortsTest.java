package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InstancePortsTest {

	@Test
	void aStackOfOneOfEachListensOnTheDocumentedPorts() {
		InstancePorts ports = InstancePorts.assign(StackPorts.defaults(), Scale.SINGLE);

		for (Component component : Component.values()) {
			assertThat(ports.instances(component)).containsExactly(Instance.first(component));
			assertThat(ports.of(Instance.first(component))).isEqualTo(StackPorts.defaults().of(component));
		}
		assertThat(ports.controller(1)).isEqualTo(19093);
		assertThat(ports.bootstrapServers()).isEqualTo("127.0.0.1:19092");
		assertThatThrownBy(() -> ports.of(new Instance(Component.ORDER_SERVICE, 2))).hasMessageContaining("runs no order-service-2");
	}

	@Test
	void furtherInstancesAndBrokersTakeDistinctFreePortsAndInstanceOneKeepsItsOwn() {
		StackPorts base = StackPorts.defaults();
		InstancePorts ports = InstancePorts.assign(base, new Scale(2, 3));

		assertThat(ports.instances(Component.ORDER_SERVICE))
				.containsExactly(new Instance(Component.ORDER_SERVICE, 1), new Instance(Component.ORDER_SERVICE, 2));
		assertThat(ports.instances(Component.CDC_RELAY)).hasSize(2);
		assertThat(ports.instances(Component.KAFKA)).hasSize(3);
		assertThat(ports.instances(Component.API_GATEWAY)).hasSize(1);
		assertThat(ports.of(Instance.first(Component.ORDER_SERVICE))).isEqualTo(8082);
		assertThat(ports.of(Instance.first(Component.KAFKA))).isEqualTo(19092);
		assertThat(ports.controller(1)).isEqualTo(19093);

		List<Integer> all = new ArrayList<>();
		for (Component component : Component.values()) {
			ports.instances(component).forEach(instance -> all.add(ports.of(instance)));
		}
		for (int broker = 1; broker <= 3; broker++) {
			all.add(ports.controller(broker));
		}
		assertThat(all).hasSize(Component.values().length + 3 + 1 + 2 + 3).doesNotHaveDuplicates();
		assertThat(ports.bootstrapServers()).isEqualTo("127.0.0.1:19092,127.0.0.1:" + ports.of(new Instance(Component.KAFKA, 2))
				+ ",127.0.0.1:" + ports.of(new Instance(Component.KAFKA, 3)));
		assertThat(ports.controllers()).containsOnlyKeys(1, 2, 3);
	}

	@Test
	void furtherInstancesAreNamedByTheirNumber() {
		assertThat(new Instance(Component.ORDER_SERVICE, 1).id()).isEqualTo("order-service");
		assertThat(new Instance(Component.ORDER_SERVICE, 2).id()).isEqualTo("order-service-2");
		assertThat(new Instance(Component.KAFKA, 3)).hasToString("kafka-3");
		assertThatThrownBy(() -> new Instance(Component.KAFKA, 0)).hasMessageContaining("numbered from 1");
	}
}
