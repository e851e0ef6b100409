package dev.ftgo.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./stack token --role consumer --consumer-id <uuid>}: prints one token signed with the run
 * dir's key, the one the running (or next) stack serves, and nothing else, so that
 * {@code TOKEN=$(./stack token --role admin)} works.
 */
@Command(name = TokenCommand.NAME,
		description = {"Prints one token signed with the run dir's key, and nothing else (start the stack once first).", ""},
		footerHeading = "%n",
		footer = "e.g. curl -H \"Authorization: Bearer $(./stack token --role admin)\" http://localhost:8080/api/v1/...",
		exitCodeList = {
				" 0:the token is printed",
				" 1:no project found here, or the key is unreadable",
				" 2:no stack has made a key in the run dir yet",
				"64:bad usage" })
final class TokenCommand extends ConsoleCommand {

	static final String NAME = "token";
	static final int NO_KEY = 2;

	// not required for picocli: TokenRequest's message for a missing role also lists the roles
	@Option(names = "--role", paramLabel = "ROLE", description = "admin, consumer or kitchen")
	String role;

	@Option(names = "--consumer-id", paramLabel = "UUID", converter = OptionValues.Id.class,
			description = "a consumer token's consumer (its sub); consumer tokens only")
	UUID consumerId;

	@Option(names = "--restaurant-id", paramLabel = "UUID", converter = OptionValues.Id.class,
			description = "a kitchen token's restaurant (its restaurant_id); kitchen tokens only")
	UUID restaurantId;

	@Option(names = "--ttl", paramLabel = "DURATION", converter = OptionValues.PositiveDuration.class,
			description = "how long it is valid: 90s, 30m, 12h (the default), 7d")
	Duration ttl;

	@Mixin
	RunDirOption runDir;

	TokenCommand(PrintStream out, PrintStream err) {
		super(out, err);
	}

	/** The token asked for; a combination no identity provider would issue is a usage error. */
	TokenRequest request() {
		return validated(() -> new TokenRequest(role, consumerId, restaurantId, ttl));
	}

	@Override
	public Integer call() {
		TokenRequest request = request();
		return reporting(() -> run(request, runDir.layout()));
	}

	/** Prints the token; exit code 0, or {@value #NO_KEY} when no stack has made a key in the run dir yet. */
	int run(TokenRequest request, StackLayout layout) {
		Path keyFile = layout.signingKeyFile();
		Optional<TokenIssuer> issuer = TokenIssuer.load(keyFile);
		if (issuer.isEmpty()) {
			err.println("No signing key at " + keyFile + ": start the stack once first (./stack"
					+ runDir.asArgument() + "), then ask again. The key is created"
					+ " at the first start and kept until --reset.");
			return NO_KEY;
		}
		out.println(request.issueWith(issuer.get()).value());
		return 0;
	}
}
