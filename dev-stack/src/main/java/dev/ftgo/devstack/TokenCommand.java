package dev.ftgo.devstack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./stack token --role consumer --consumer-id <uuid>}: prints one token signed with the run
 * dir's key, the one the running (or next) stack serves, and nothing else, so that
 * {@code TOKEN=$(./stack token --role admin)} works. Options take their value after a space or an {@code =}.
 */
record TokenCommand(boolean help, TokenRequest request, Path runDir) {

	static final String NAME = "token";
	static final int NO_KEY = 2;

	private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)([smhd])");

	/** @throws IllegalArgumentException for a usage error, worded for the person at the terminal */
	static TokenCommand parse(List<String> args) {
		SubcommandArgs options = SubcommandArgs.parse(NAME, args,
				Set.of("--role", "--consumer-id", "--restaurant-id", "--ttl", "--run-dir"));
		if (options.help()) {
			return new TokenCommand(true, null, null);
		}
		TokenRequest request = new TokenRequest(options.value("--role").orElse(null),
				TokenRequest.uuid("--consumer-id", options.value("--consumer-id").orElse(null)),
				TokenRequest.uuid("--restaurant-id", options.value("--restaurant-id").orElse(null)),
				options.value("--ttl").map(TokenCommand::ttl).orElse(null));
		return new TokenCommand(false, request, options.value("--run-dir").map(dir -> Path.of(dir).toAbsolutePath()).orElse(null));
	}

	/** {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, or ISO-8601 such as {@code PT1H30M}. */
	static Duration ttl(String value) {
		Duration ttl;
		Matcher matcher = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
		try {
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				ttl = switch (matcher.group(2)) {
					case "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					case "h" -> Duration.ofHours(amount);
					default -> Duration.ofDays(amount);
				};
			} else {
				ttl = Duration.parse(value);
			}
		} catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
			throw new IllegalArgumentException("--ttl takes a duration such as 90s, 30m, 12h or 7d, not '" + value + "'");
		}
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("--ttl must be positive, not '" + value + "'");
		}
		return ttl;
	}

	/** Prints the token; exit code 0, or {@value #NO_KEY} when no stack has made a key in the run dir yet. */
	int run(StackLayout layout, PrintStream out, PrintStream err) {
		Path keyFile = layout.signingKeyFile();
		Optional<TokenIssuer> issuer = TokenIssuer.load(keyFile);
		if (issuer.isEmpty()) {
			err.println("No signing key at " + keyFile + ": start the stack once first (./stack"
					+ (runDir == null ? "" : " --run-dir=" + runDir) + "), then ask again. The key is created"
					+ " at the first start and kept until --reset.");
			return NO_KEY;
		}
		out.println(request.issueWith(issuer.get()).value());
		return 0;
	}
}
