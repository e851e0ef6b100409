package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityCommandTest {

	@Test
	void defaultsToTheStacksPortOnLoopbackWithTheRunDirsKey(@TempDir Path runDir) throws Exception {
		IdentityCommand command = IdentityCommand.parse(List.of());

		assertThat(command.help()).isFalse();
		assertThat(command.port()).isEqualTo(8090);
		assertThat(command.bindAddress()).isEqualTo(InetAddress.getLoopbackAddress());
		StackLayout layout = StackLayout.detect().withRunDir(runDir);
		assertThat(command.keyFile(() -> layout)).isEqualTo(layout.signingKeyFile());
	}

	@Test
	void takesPortAddressAndKeyFileWithASpaceOrAnEqualsSign() throws Exception {
		IdentityCommand command = IdentityCommand.parse(List.of("--identity-port", "9090", "--bind=0.0.0.0",
				"--key-file", "/var/lib/ftgo-identity/signing-key.jwk.json"));

		assertThat(command.port()).isEqualTo(9090);
		assertThat(command.bindAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
		assertThat(command.keyFile(() -> {
			throw new AssertionError("a container has no project to find a run dir in");
		})).isEqualTo(Path.of("/var/lib/ftgo-identity/signing-key.jwk.json"));
	}

	@Test
	void aRunDirMovesTheDefaultKeyFile(@TempDir Path runDir) {
		IdentityCommand command = IdentityCommand.parse(List.of("--run-dir=" + runDir));

		assertThat(command.keyFile(StackLayout::detect)).isEqualTo(StackLayout.detect().withRunDir(runDir).signingKeyFile());
	}

	@Test
	void rejectsBadPortsAddressesAndOptionsOfOtherCommands() {
		assertThatThrownBy(() -> IdentityCommand.parse(List.of("--identity-port", "http")))
				.hasMessage("Not a port number in --identity-port=http");
		assertThatThrownBy(() -> IdentityCommand.parse(List.of("--identity-port=70000")))
				.hasMessage("Not a port number in --identity-port=70000");
		assertThatThrownBy(() -> IdentityCommand.parse(List.of("--bind", "no-such-host.invalid")))
				.hasMessage("--bind takes an address of this machine, such as 127.0.0.1 or 0.0.0.0, not 'no-such-host.invalid'");
		assertThatThrownBy(() -> IdentityCommand.parse(List.of("--role", "admin")))
				.hasMessage("Unknown option --role for ./stack identity");
		assertThatThrownBy(() -> IdentityCommand.parse(List.of("--gateway-port=8080")))
				.hasMessage("Unknown option --gateway-port=8080 for ./stack identity");
		assertThatThrownBy(() -> IdentityCommand.parse(List.of("--key-file"))).hasMessage("--key-file needs a value");
		assertThatThrownBy(() -> IdentityCommand.parse(List.of("8090"))).hasMessage("Unexpected argument 8090");
	}

	@Test
	void helpWinsOverEverythingElse() {
		assertThat(IdentityCommand.parse(List.of("--bind", "--help")).help()).isTrue();
	}

	@Test
	void servesTheJwkSetOfTheKeyFileOnTheChosenAddress(@TempDir Path dir) throws Exception {
		Path keyFile = dir.resolve("key/signing-key.jwk.json");
		IdentityCommand parsed = IdentityCommand.parse(List.of("--bind", "0.0.0.0", "--key-file", keyFile.toString()));
		// a free port: 0 is none a person may ask for, but a test needs one
		IdentityCommand command = new IdentityCommand(false, 0, parsed.bindAddress(), parsed.keyFile(), null);

		try (IdentityServer server = command.start(command.keyFile())) {
			assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
			HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + server.port() + "/.well-known/jwks.json")).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(TokenIssuer.load(keyFile).orElseThrow().jwkSetJson());
		}
	}
}
