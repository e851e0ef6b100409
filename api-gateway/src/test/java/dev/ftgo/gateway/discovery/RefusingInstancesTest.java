package dev.ftgo.gateway.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

class RefusingInstancesTest {

	private static final ServiceInstance FIRST = instance(8082);
	private static final ServiceInstance SECOND = instance(18082);
	private static final List<ServiceInstance> BOTH = List.of(FIRST, SECOND);

	private Instant now = Instant.parse("2026-12-06T10:00:00Z");
	private final RefusingInstances refusing = new RefusingInstances(Duration.ofSeconds(10), new Clock() {
		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}
	});

	@Test
	void listsEveryInstanceWhileNoneRefusedAConnection() {
		assertThat(refusing.without(BOTH)).containsExactly(FIRST, SECOND);
	}

	@Test
	void leavesAnInstanceThatRefusedAConnectionOutForTheEjectionTime() {
		refusing.refusedConnection(SECOND);

		now = now.plusSeconds(9);
		assertThat(refusing.without(BOTH)).containsExactly(FIRST);

		now = now.plusSeconds(1);
		assertThat(refusing.without(BOTH)).as("tried again once the time is up").containsExactly(FIRST, SECOND);
	}

	@Test
	void anotherRefusalStartsTheEjectionAgain() {
		refusing.refusedConnection(SECOND);
		now = now.plusSeconds(9);
		refusing.refusedConnection(SECOND);

		now = now.plusSeconds(9);
		assertThat(refusing.without(BOTH)).containsExactly(FIRST);
	}

	@Test
	void listsEveryInstanceWhenEachOfThemRefusedSoThatTheServiceIsStillTried() {
		refusing.refusedConnection(FIRST);
		refusing.refusedConnection(SECOND);

		assertThat(refusing.without(BOTH)).containsExactly(FIRST, SECOND);
	}

	@Test
	void tellsInstancesOfDifferentServicesOnTheSameAddressApart() {
		refusing.refusedConnection(new DefaultServiceInstance("kitchen-1", "kitchen-service", "127.0.0.1", 8082, false));

		assertThat(refusing.without(BOTH)).containsExactly(FIRST, SECOND);
	}

	private static ServiceInstance instance(int port) {
		return new DefaultServiceInstance("order-" + port, "order-service", "127.0.0.1", port, false);
	}
}
