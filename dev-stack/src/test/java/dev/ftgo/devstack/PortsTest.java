package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortsTest {

	@Test
	void requireFreeOnABoundPortNamesThePortTheComponentAndTheOptionToMoveIt() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();

			assertThatThrownBy(() -> Ports.requireFree(port, "api-gateway"))
					.isInstanceOf(PortInUseException.class)
					.hasMessage("Port " + port + " (api-gateway) is already in use. "
							+ "Stop whatever listens there or choose another port with --gateway-port=...");
		}
	}

	@Test
	void requireFreeNamesTheKafkaControllerOption() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "kafka-controller"))
					.hasMessageEndingWith("--kafka-controller-port=...");
		}
	}

	@Test
	void freePortCanBeBoundAndPassesRequireFree() throws IOException {
		int port = Ports.freePort();

		assertThatCode(() -> Ports.requireFree(port, "consumer-service")).doesNotThrowAnyException();
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
	}

	@Test
	void freePortsForAStackAreDistinct() {
		StackPorts ports = StackPorts.free();

		assertThat(new int[] {ports.gateway(), ports.consumer(), ports.order(), ports.kitchen(), ports.registry(),
				ports.postgres(), ports.kafka(), ports.kafkaController(), ports.identity(), ports.relay()}).doesNotHaveDuplicates();
	}
}
