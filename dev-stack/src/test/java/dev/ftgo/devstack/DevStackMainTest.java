package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

class DevStackMainTest {

	@TempDir
	Path runDir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpPrintsTheGeneratedUsage() {
		int exitCode = run("--help");

		assertThat(exitCode).isZero();
		assertThat(err()).isEmpty();
		assertThat(out()).startsWith("Usage: ./stack [--reset] [--instances=N] [--kafka-brokers=N]")
				.contains("./stack token|identity|stop [OPTIONS]")
				.contains("--reset ", "--instances=N ", "--kafka-brokers=N ", "--run-dir=PATH ", "-h, --help ", "-V, --version ")
				.contains("--kafka-controller-port=N ")
				.containsPattern("--identity-port=N +default 8090 \\(GET /.well-known/jwks.json, POST /tokens\\)")
				.containsPattern("--gateway-port=N +default 8080")
				.containsPattern("--postgres-port=N +default 15432")
				.containsPattern("--instances=N +run N instances \\(1 to 9, default 1\\)")
				.containsPattern("Commands:\\R +token +Prints one token")
				.containsPattern(" +identity +Runs only the identity")
				.containsPattern(" +stop +Stops the stack running from the run dir")
				.containsPattern("Exit codes:\\R +0 +stopped by ./stack stop")
				.containsPattern("130 +stopped by Ctrl-C \\(143: by SIGTERM\\)");
	}

	@Test
	void shortHelpIsHelpToo() {
		int exitCode = run("-h");

		assertThat(exitCode).isZero();
		assertThat(out()).startsWith("Usage: ./stack [--reset]");
	}

	@Test
	void versionNamesTheLauncher() {
		int exitCode = run("--version");

		assertThat(exitCode).isZero();
		assertThat(out()).startsWith("FTGO dev stack ").contains("Java " + Runtime.version());
	}

	@Test
	void aBadOptionIsAOneLineUsageErrorWithoutStackTrace() {
		assertUsageError(List.of("--gateway-port=eighty"),
				"Invalid value for option '--gateway-port': 'eighty' is not a port number (1 to 65535)",
				"Try './stack --help' for more information.");
	}

	/** The one line that matters, and where the help is: the whole help under it would bury it. */
	@Test
	void aCountOutOfRangeIsTheOneLineErrorAndAHintAtTheHelp() {
		assertUsageError(List.of("--instances=0"), "--instances must be between 1 and 9, not 0",
				"Try './stack --help' for more information.");
	}

	@Test
	void aMistypedOptionOrCommandGetsASuggestionInsteadOfTheHint() {
		assertUsageError(List.of("--kafka-broker=3"), "Unknown option: '--kafka-broker=3'",
				"Possible solutions: --kafka-brokers, --kafka-port, --kafka-controller-port");

		err.reset();
		assertUsageError(List.of("stpo"), "Unmatched argument at index 0: 'stpo'", "Did you mean: ./stack stop?");
	}

	@Test
	void theCommandComesFirst() {
		assertUsageError(List.of("--reset", "stop"),
				"--reset is an option of ./stack itself, not of ./stack stop: the command comes first",
				"Try './stack --help' for more information.");
	}

	@Test
	void helpOfACommandDocumentsItsOptions() {
		int exitCode = run("token", "--help");

		assertThat(exitCode).isZero();
		assertThat(out()).startsWith("Usage: ./stack token [-hV] [--role=ROLE] [--consumer-id=UUID] [--restaurant-id=UUID] [--ttl=DURATION]")
				.containsPattern("--role=ROLE +admin, consumer or kitchen")
				.contains("--run-dir=PATH", "-h, --help")
				.contains("how long it is valid: 90s, 30m, 12h (the default), 7d")
				.contains("$(./stack token --role admin)")
				.containsPattern(" 2 +no stack has made a key in the run dir yet");
	}

	@Test
	void helpWinsOverEverythingElseOnTheLine() {
		int exitCode = run("identity", "--bind", "--help");

		assertThat(exitCode).isZero();
		assertThat(err()).isEmpty();
		assertThat(out()).startsWith("Usage: ./stack identity").contains("--bind=ADDRESS", "--key-file=PATH");
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
	void aTokenNoIdentityProviderWouldIssueIsAUsageError() {
		assertUsageError(List.of("token", "--role", "consumer"), "A consumer token needs the consumer's id",
				"Try './stack token --help' for more information.");
	}

	@Test
	void anOptionWithoutItsValueIsAUsageError() {
		assertUsageError(List.of("identity", "--bind"), "Missing required parameter for option '--bind' (ADDRESS)",
				"Try './stack identity --help' for more information.");
	}

	@Test
	void stopWithoutAStackSaysSoWithItsOwnExitCode() {
		int exitCode = run("stop", "--run-dir", runDir.toString(), "--timeout", "5s");

		assertThat(exitCode).isEqualTo(3);
		assertThat(err()).startsWith("No stack is running from " + runDir);
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

	/** {@code args} are a usage error: exit code 64, nothing on stdout and only {@code lines} on stderr. */
	private void assertUsageError(List<String> args, String... lines) {
		assertThat(run(args.toArray(String[]::new))).isEqualTo(64);
		assertThat(out()).isEmpty();
		assertThat(err()).isEqualTo(String.join(System.lineSeparator(), lines) + System.lineSeparator());
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	private int run(String... args) {
		return DevStackMain.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}
}
