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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine.ParameterException;

class IdentityCommandTest {

	@Test
	void defaultsToTheStacksPortOnLoopbackWithTheRunDirsKey(@TempDir Path runDir) throws Exception {
		IdentityCommand command = identity();

		assertThat(command.port).isEqualTo(8090);
		assertThat(command.bindAddress).isEqualTo(InetAddress.getLoopbackAddress());
		StackLayout layout = StackLayout.detect().withRunDir(runDir);
		assertThat(command.keyFile(() -> layout)).isEqualTo(layout.signingKeyFile());
	}

	@Test
	void takesPortAddressAndKeyFileWithASpaceOrAnEqualsSign() throws Exception {
		IdentityCommand command = identity("--identity-port", "9090", "--bind=0.0.0.0",
				"--key-file", "/var/lib/ftgo-identity/signing-key.jwk.json");

		assertThat(command.port).isEqualTo(9090);
		assertThat(command.bindAddress).isEqualTo(InetAddress.getByName("0.0.0.0"));
		assertThat(command.keyFile(() -> {
			throw new AssertionError("a container has no project to find a run dir in");
		})).isEqualTo(Path.of("/var/lib/ftgo-identity/signing-key.jwk.json"));
	}

	@Test
	void aRunDirMovesTheDefaultKeyFile(@TempDir Path runDir) {
		IdentityCommand command = identity("--run-dir=" + runDir);

		assertThat(command.keyFile(StackLayout::detect)).isEqualTo(StackLayout.detect().withRunDir(runDir).signingKeyFile());
	}

	@Test
	void rejectsBadPortsAddressesAndOptionsOfOtherCommands() {
		assertThatThrownBy(() -> identity("--identity-port", "http")).isInstanceOf(ParameterException.class)
				.hasMessage("Invalid value for option '--identity-port': 'http' is not a port number (1 to 65535)");
		assertThatThrownBy(() -> identity("--identity-port=70000"))
				.hasMessage("Invalid value for option '--identity-port': '70000' is not a port number (1 to 65535)");
		assertThatThrownBy(() -> identity("--bind", "no-such-host.invalid"))
				.hasMessage("Invalid value for option '--bind': 'no-such-host.invalid' is not an address of this machine,"
						+ " such as 127.0.0.1 or 0.0.0.0");
		assertThatThrownBy(() -> identity("--role", "admin")).hasMessageStartingWith("Unknown options: '--role', 'admin'");
		assertThatThrownBy(() -> identity("--gateway-port=8080")).hasMessage("Unknown option: '--gateway-port=8080'");
		assertThatThrownBy(() -> identity("--key-file")).hasMessage("Missing required parameter for option '--key-file' (PATH)");
		assertThatThrownBy(() -> identity("8090")).hasMessage("Unmatched argument at index 1: '8090'");
	}

	@Test
	void servesTheJwkSetOfTheKeyFileOnTheChosenAddress(@TempDir Path dir) throws Exception {
		Path keyFile = dir.resolve("key/signing-key.jwk.json");
		IdentityCommand command = identity("--bind", "0.0.0.0", "--key-file", keyFile.toString());
		// a free port: 0 is none a person may ask for, but a test needs one
		command.port = 0;

		try (IdentityServer server = command.start(command.keyFile)) {
			assertThat(server.address().getAddress().isAnyLocalAddress()).isTrue();
			HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create("http://127.0.0.1:" + server.port() + "/.well-known/jwks.json")).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo(TokenIssuer.load(keyFile).orElseThrow().jwkSetJson());
		}
	}

	private static IdentityCommand identity(String... args) {
		return CommandLines.command(IdentityCommand.NAME, args);
	}
}
