package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliOptionsTest {

	@Test
	void defaultsToTheDocumentedPortsAndKeepsData() {
		CliOptions options = CliOptions.parse(List.of());

		assertThat(options.reset()).isFalse();
		assertThat(options.ports()).isEqualTo(new StackPorts(8080, 8081, 8082, 8083, 8084, 8761, 15432, 19092, 19093, 8090));
		assertThat(options.scale()).isEqualTo(Scale.SINGLE).isEqualTo(new Scale(1, 1));
	}

	@Test
	void readsHowManyInstancesAndBrokersToRun() {
		CliOptions options = CliOptions.parse(List.of("--instances=2", "--kafka-brokers=3", "--order-port=9082"));

		assertThat(options.scale()).isEqualTo(new Scale(2, 3));
		assertThat(options.ports().order()).isEqualTo(9082);
	}

	@Test
	void rejectsInstanceAndBrokerCountsOutOfRange() {
		assertThatThrownBy(() -> CliOptions.parse(List.of("--instances=0"))).hasMessage("--instances must be between 1 and 9, not 0");
		assertThatThrownBy(() -> CliOptions.parse(List.of("--kafka-brokers=10")))
				.hasMessage("--kafka-brokers must be between 1 and 9, not 10");
		assertThatThrownBy(() -> CliOptions.parse(List.of("--kafka-brokers=three"))).hasMessage("Not a number in --kafka-brokers=three");
		assertThatThrownBy(() -> CliOptions.parse(List.of("--instances"))).hasMessage("Unknown option --instances");
	}

	@Test
	void movesEachComponentWithItsPortOption() {
		CliOptions options = CliOptions.parse(List.of("--reset", "--gateway-port=9080", "--order-port=9082",
				"--registry-port=9761", "--postgres-port=25432", "--kafka-port=29092", "--kafka-controller-port=29093",
				"--identity-port=9090"));

		assertThat(options.reset()).isTrue();
		assertThat(options.ports()).isEqualTo(new StackPorts(9080, 8081, 9082, 8083, 8084, 9761, 25432, 29092, 29093, 9090));
	}

	@Test
	void rejectsUnknownOptionsAndBadPorts() {
		assertThatThrownBy(() -> CliOptions.parse(List.of("--gateway=1"))).hasMessage("Unknown option --gateway=1");
		assertThatThrownBy(() -> CliOptions.parse(List.of("--gateway-port=http"))).hasMessage("Not a port number in --gateway-port=http");
		assertThatThrownBy(() -> CliOptions.parse(List.of("--kafka-port=70000"))).hasMessage("Not a port number in --kafka-port=70000");
		assertThatThrownBy(() -> CliOptions.parse(List.of("--identity-port=0"))).hasMessage("Not a port number in --identity-port=0");
	}

	@Test
	void usageDocumentsTheIdentityPortAndTheTokenCommand() {
		assertThat(CliOptions.USAGE)
				.contains("--identity-port=N         default 8090")
				.contains("./stack token --role admin|consumer|kitchen")
				.contains("--consumer-id UUID", "--restaurant-id UUID", "--ttl DURATION")
				.contains("[--instances=N] [--kafka-brokers=N]", "--instances=N             run N instances",
						"--kafka-brokers=N         run Kafka as a cluster of N brokers");
	}
}
