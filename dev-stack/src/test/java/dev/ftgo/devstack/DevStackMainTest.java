package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevStackMainTest {

	@TempDir
	Path runDir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpPrintsTheUsageAndStartsNothing() {
		int exitCode = run("--help");

		assertThat(exitCode).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./stack [--reset]").contains("--gateway-port=N");
	}

	@Test
	void aBadOptionIsAUsageErrorWithoutStackTrace() {
		int exitCode = run("--gateway-port=eighty");

		assertThat(exitCode).isEqualTo(64);
		assertThat(err.toString(StandardCharsets.UTF_8))
				.startsWith("Not a port number in --gateway-port=eighty")
				.contains("Usage:")
				.doesNotContain("Exception");
	}

	@Test
	void helpDocumentsTheTokenCommand() {
		int exitCode = run("token", "--help");

		assertThat(exitCode).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("./stack token --role admin|consumer|kitchen");
	}

	@Test
	void tokenPrintsOnlyATokenSignedWithTheRunDirsKey() throws Exception {
		TokenIssuer stacks = TokenIssuer.loadOrCreate(StackLayout.detect().withRunDir(runDir).signingKeyFile());
		UUID restaurantId = UUID.randomUUID();

		int exitCode = run("token", "--role", "kitchen", "--restaurant-id", restaurantId.toString(), "--run-dir=" + runDir);

		assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(printed).endsWith("\n").doesNotContain(" ");
		SignedJWT jwt = SignedJWT.parse(printed.strip());
		assertThat(jwt.verify(new RSASSAVerifier(JWKSet.parse(stacks.jwkSetJson()).getKeys().get(0).toRSAKey()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getStringClaim("restaurant_id")).isEqualTo(restaurantId.toString());
	}

	@Test
	void tokenBeforeTheFirstStartSaysToStartTheStackOnce() {
		int exitCode = run("token", "--role", "admin", "--run-dir", runDir.toString());

		assertThat(exitCode).isEqualTo(2);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("No signing key at " + runDir)
				.contains("start the stack once first");
		assertThat(runDir.resolve("data")).doesNotExist();
	}

	@Test
	void aBadTokenOptionIsAUsageError() {
		int exitCode = run("token", "--role", "consumer");

		assertThat(exitCode).isEqualTo(64);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("A consumer token needs the consumer's id").contains("Usage:");
	}

	@Test
	void helpDocumentsTheIdentityCommand() {
		int exitCode = run("identity", "--help");

		assertThat(exitCode).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8))
				.contains("./stack identity [--identity-port 8090] [--bind ADDRESS] [--key-file PATH]")
				.contains("--bind ADDRESS", "--key-file PATH");
	}

	@Test
	void aBadIdentityOptionIsAUsageError() {
		int exitCode = run("identity", "--bind");

		assertThat(exitCode).isEqualTo(64);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("--bind needs a value").contains("Usage:");
	}

	@Test
	void identityOnATakenPortSaysWhichOptionMovesItAndStartsNothing() {
		try (IdentityServer running = new IdentityServer(TokenIssuer.generate(), 0)) {
			running.start();
			Path keyFile = runDir.resolve("signing-key.jwk.json");

			int exitCode = run("identity", "--identity-port", String.valueOf(running.port()), "--key-file", keyFile.toString());

			assertThat(exitCode).isEqualTo(2);
			assertThat(err.toString(StandardCharsets.UTF_8)).contains("is already in use").contains("--identity-port=...");
			assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
		}
	}

	@Test
	void identityWithAnUnreadableKeyFileSaysSo() throws Exception {
		Path keyFile = Files.writeString(runDir.resolve("signing-key.jwk.json"), "not a key");

		int exitCode = run("identity", "--identity-port", String.valueOf(Ports.freePort()), "--key-file", keyFile.toString());

		assertThat(exitCode).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("The signing key " + keyFile + " is not a private RSA JWK");
	}

	private int run(String... args) {
		return DevStackMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}
}
