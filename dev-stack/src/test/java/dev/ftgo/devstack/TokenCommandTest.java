package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenCommandTest {

	@Test
	void parsesOptionsWithASpaceOrAnEqualsSign() {
		UUID consumerId = UUID.randomUUID();

		TokenCommand command = TokenCommand.parse(List.of("--role", "consumer", "--consumer-id=" + consumerId, "--ttl", "30m",
				"--run-dir=/tmp/ftgo-run"));

		assertThat(command.help()).isFalse();
		assertThat(command.request()).isEqualTo(new TokenRequest("consumer", consumerId, null, Duration.ofMinutes(30)));
		assertThat(command.runDir()).isEqualTo(Path.of("/tmp/ftgo-run").toAbsolutePath());
	}

	@Test
	void defaultsToTwelveHoursAndTheStacksOwnRunDir() {
		UUID restaurantId = UUID.randomUUID();

		TokenCommand command = TokenCommand.parse(List.of("--role=kitchen", "--restaurant-id", restaurantId.toString()));

		assertThat(command.request()).isEqualTo(new TokenRequest("kitchen", null, restaurantId, Duration.ofHours(12)));
		assertThat(command.runDir()).isNull();
	}

	@Test
	void readsShortAndIsoDurations() {
		assertThat(TokenCommand.ttl("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(TokenCommand.ttl("12h")).isEqualTo(Duration.ofHours(12));
		assertThat(TokenCommand.ttl("7D")).isEqualTo(Duration.ofDays(7));
		assertThat(TokenCommand.ttl("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void rejectsWhatItCannotTurnIntoAToken() {
		assertThatThrownBy(() -> TokenCommand.parse(List.of())).hasMessage("No role given: expected admin, consumer or kitchen");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("--role", "chef")))
				.hasMessage("Unknown role 'chef': expected admin, consumer or kitchen");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("--role", "consumer")))
				.hasMessage("A consumer token needs the consumer's id");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("--role", "kitchen", "--consumer-id", UUID.randomUUID().toString())))
				.hasMessage("Only a consumer token takes a consumer id");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("--role", "consumer", "--consumer-id", "ada")))
				.hasMessage("--consumer-id must be a UUID, not 'ada'");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("--role", "admin", "--ttl", "soon")))
				.hasMessage("--ttl takes a duration such as 90s, 30m, 12h or 7d, not 'soon'");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("--role", "admin", "--ttl", "0s"))).hasMessage("--ttl must be positive, not '0s'");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("--role", "admin", "--ttl", "400d")))
				.hasMessageStartingWith("A token may live at most 366 days");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("--role"))).hasMessage("--role needs a value");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("--role", "admin", "--gateway-port=1")))
				.hasMessage("Unknown option --gateway-port=1 for ./stack token");
		assertThatThrownBy(() -> TokenCommand.parse(List.of("admin"))).hasMessage("Unexpected argument admin");
	}

	@Test
	void helpNeedsNoRole() {
		assertThat(TokenCommand.parse(List.of("--help")).help()).isTrue();
	}
}
