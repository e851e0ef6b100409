package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleTest {

	@Test
	void runsOneOfEachByDefault() {
		for (Component component : Component.values()) {
			assertThat(Scale.SINGLE.count(component)).as(component.id()).isEqualTo(1);
		}
		assertThat(Scale.SINGLE.replicationFactor()).isEqualTo(1);
		assertThat(Scale.SINGLE.minInsyncReplicas()).isEqualTo(1);
	}

	@Test
	void scalesTheServicesAndRunsTwoRelaysFromTwoInstancesOn() {
		Scale scale = new Scale(3, 1);

		assertThat(scale.count(Component.ORDER_SERVICE)).isEqualTo(3);
		assertThat(scale.count(Component.CONSUMER_SERVICE)).isEqualTo(3);
		assertThat(scale.count(Component.KITCHEN_SERVICE)).isEqualTo(3);
		assertThat(scale.count(Component.CDC_RELAY)).isEqualTo(2);
		assertThat(scale.count(Component.API_GATEWAY)).isEqualTo(1);
		assertThat(scale.count(Component.SERVICE_REGISTRY)).isEqualTo(1);
		assertThat(scale.count(Component.POSTGRES)).isEqualTo(1);
		assertThat(scale.count(Component.KAFKA)).isEqualTo(1);
	}

	@Test
	void threeBrokersKeepThreeCopiesOfWhichTwoMustHaveAWrite() {
		assertThat(new Scale(1, 3).count(Component.KAFKA)).isEqualTo(3);
		assertThat(new Scale(1, 3).replicationFactor()).isEqualTo(3);
		assertThat(new Scale(1, 3).minInsyncReplicas()).isEqualTo(2);
		assertThat(new Scale(1, 2).replicationFactor()).isEqualTo(2);
		assertThat(new Scale(1, 2).minInsyncReplicas()).isEqualTo(1);
		assertThat(new Scale(1, 5).replicationFactor()).isEqualTo(3);
		assertThat(new Scale(1, 5).minInsyncReplicas()).isEqualTo(2);
	}

	@Test
	void refusesCountsOutOfRange() {
		assertThatThrownBy(() -> new Scale(0, 1)).hasMessage("--instances must be between 1 and 9, not 0");
		assertThatThrownBy(() -> new Scale(1, 0)).hasMessage("--kafka-brokers must be between 1 and 9, not 0");
		assertThatThrownBy(() -> new Scale(10, 1)).hasMessage("--instances must be between 1 and 9, not 10");
	}
}
