package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.ParameterException;

class TokenCommandTest {

	@Test
	void parsesOptionsWithASpaceOrAnEqualsSign() {
		UUID consumerId = UUID.randomUUID();

		TokenCommand command = token("--role", "consumer", "--consumer-id=" + consumerId, "--ttl", "30m", "--run-dir=/tmp/ftgo-run");

		assertThat(command.request()).isEqualTo(new TokenRequest("consumer", consumerId, null, Duration.ofMinutes(30)));
		assertThat(command.runDir.path).isEqualTo(Path.of("/tmp/ftgo-run").toAbsolutePath());
	}

	@Test
	void defaultsToTwelveHoursAndTheStacksOwnRunDir() {
		UUID restaurantId = UUID.randomUUID();

		TokenCommand command = token("--role=kitchen", "--restaurant-id", restaurantId.toString());

		assertThat(command.request()).isEqualTo(new TokenRequest("kitchen", null, restaurantId, Duration.ofHours(12)));
		assertThat(command.runDir.path).isNull();
	}

	@Test
	void rejectsWhatItCannotTurnIntoAToken() {
		assertThatThrownBy(() -> token().request()).isInstanceOf(ParameterException.class)
				.hasMessage("No role given: expected admin, consumer or kitchen");
		assertThatThrownBy(() -> token("--role", "chef").request())
				.hasMessage("Unknown role 'chef': expected admin, consumer or kitchen");
		assertThatThrownBy(() -> token("--role", "consumer").request()).hasMessage("A consumer token needs the consumer's id");
		assertThatThrownBy(() -> token("--role", "kitchen", "--consumer-id", UUID.randomUUID().toString()).request())
				.hasMessage("Only a consumer token takes a consumer id");
		assertThatThrownBy(() -> token("--role", "admin", "--ttl", "400d").request())
				.hasMessageStartingWith("A token may live at most 366 days");
	}

	@Test
	void rejectsMalformedValuesAndOptionsOfOtherCommands() {
		assertThatThrownBy(() -> token("--role", "consumer", "--consumer-id", "ada")).isInstanceOf(ParameterException.class)
				.hasMessage("Invalid value for option '--consumer-id': 'ada' is not a UUID");
		assertThatThrownBy(() -> token("--role", "admin", "--ttl", "soon"))
				.hasMessage("Invalid value for option '--ttl': 'soon' is not a duration such as 90s, 30m, 12h or 7d");
		assertThatThrownBy(() -> token("--role", "admin", "--ttl", "0s"))
				.hasMessage("Invalid value for option '--ttl': '0s' is not a positive duration");
		assertThatThrownBy(() -> token("--role")).hasMessage("Missing required parameter for option '--role' (ROLE)");
		assertThatThrownBy(() -> token("--role", "admin", "--gateway-port=1")).hasMessage("Unknown option: '--gateway-port=1'");
		assertThatThrownBy(() -> token("admin")).hasMessage("Unmatched argument at index 1: 'admin'");
	}

	private static TokenCommand token(String... args) {
		return CommandLines.command(TokenCommand.NAME, args);
	}
}
