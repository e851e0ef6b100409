package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.ParameterException;

/** The options of {@code ./stack} itself, the ones that start the stack. */
class StackCommandTest {

	@Test
	void defaultsToTheDocumentedPortsAndKeepsData() {
		CliOptions options = CommandLines.stack();

		assertThat(options.reset()).isFalse();
		assertThat(options.ports()).isEqualTo(new StackPorts(8080, 8081, 8082, 8083, 8084, 8761, 15432, 19092, 19093, 8090));
		assertThat(options.scale()).isEqualTo(Scale.SINGLE).isEqualTo(new Scale(1, 1));
		assertThat(options.runDir()).isNull();
	}

	@Test
	void readsHowManyInstancesAndBrokersToRun() {
		CliOptions options = CommandLines.stack("--instances=2", "--kafka-brokers=3", "--order-port=9082");

		assertThat(options.scale()).isEqualTo(new Scale(2, 3));
		assertThat(options.ports().order()).isEqualTo(9082);
	}

	@Test
	void rejectsInstanceAndBrokerCountsOutOfRange() {
		assertRefused("--instances must be between 1 and 9, not 0", "--instances=0");
		assertRefused("--kafka-brokers must be between 1 and 9, not 10", "--kafka-brokers=10");
		assertRefused("Invalid value for option '--kafka-brokers': 'three' is not an int", "--kafka-brokers=three");
		assertRefused("Missing required parameter for option '--instances' (N)", "--instances");
	}

	@Test
	void movesEachComponentWithItsPortOption() {
		CliOptions options = CommandLines.stack("--reset", "--gateway-port=9080", "--order-port=9082",
				"--registry-port=9761", "--postgres-port=25432", "--kafka-port=29092", "--kafka-controller-port=29093",
				"--identity-port=9090");

		assertThat(options.reset()).isTrue();
		assertThat(options.ports()).isEqualTo(new StackPorts(9080, 8081, 9082, 8083, 8084, 9761, 25432, 29092, 29093, 9090));
	}

	@Test
	void hasAPortOptionForEveryComponent() {
		StackPorts moved = StackPorts.free();
		String[] args = Arrays.stream(Component.values())
				.map(component -> "--" + component.portOption() + "=" + moved.of(component)).toArray(String[]::new);

		CliOptions options = CommandLines.stack(args);

		for (Component component : Component.values()) {
			assertThat(options.ports().of(component)).as(component.portOption()).isEqualTo(moved.of(component));
		}
	}

	@Test
	void takesAValueAfterASpaceTooAndKeepsTheLastOfARepeatedOption() {
		CliOptions options = CommandLines.stack("--gateway-port", "9080", "--instances=2", "--instances=3", "--run-dir", "runs/a");

		assertThat(options.ports().gateway()).isEqualTo(9080);
		assertThat(options.scale().instances()).isEqualTo(3);
		assertThat(options.runDir()).isEqualTo(Path.of("runs/a").toAbsolutePath());
	}

	@Test
	void rejectsUnknownOptionsAndBadPortsAndPaths() {
		assertRefused("Unknown option: '--gateway=1'", "--gateway=1");
		assertRefused("Invalid value for option '--gateway-port': 'http' is not a port number (1 to 65535)", "--gateway-port=http");
		assertRefused("Invalid value for option '--kafka-port': '70000' is not a port number (1 to 65535)", "--kafka-port=70000");
		assertRefused("Invalid value for option '--identity-port': '0' is not a port number (1 to 65535)", "--identity-port=0");
		assertRefused("Invalid value for option '--run-dir': an empty path", "--run-dir=");
		assertRefused("Unmatched argument at index 0: 'start'", "start");
	}

	/** {@code args} are a usage error saying {@code message}. */
	private static void assertRefused(String message, String... args) {
		assertThatThrownBy(() -> CommandLines.stack(args)).as(String.join(" ", args)).isInstanceOf(ParameterException.class)
				.hasMessage(message);
	}
}
