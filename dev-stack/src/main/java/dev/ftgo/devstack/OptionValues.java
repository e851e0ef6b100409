package dev.ftgo.devstack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The values {@code ./stack}'s options take, converted for picocli. Each refusal continues picocli's
 * "Invalid value for option '--ttl': ", so the person at the terminal reads one line naming option and value.
 */
final class OptionValues {

	private OptionValues() {
	}

	/** A TCP port a server may listen on: 1 to 65535. */
	static final class Port implements ITypeConverter<Integer> {

		private static final int HIGHEST = 65535;

		@Override
		public Integer convert(String value) {
			try {
				int port = Integer.parseInt(value);
				if (port >= 1 && port <= HIGHEST) {
					return port;
				}
			} catch (NumberFormatException e) {
				// reported below
			}
			throw new TypeConversionException("'" + value + "' is not a port number (1 to " + HIGHEST + ")");
		}
	}

	/** {@code 90s}, {@code 30m}, {@code 12h}, {@code 7d}, or ISO-8601 such as {@code PT1H30M}; positive. */
	static final class PositiveDuration implements ITypeConverter<Duration> {

		private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

		@Override
		public Duration convert(String value) {
			Duration duration;
			Matcher matcher = SHORT.matcher(value.toLowerCase(Locale.ROOT));
			try {
				if (matcher.matches()) {
					long amount = Long.parseLong(matcher.group(1));
					duration = switch (matcher.group(2)) {
						case "s" -> Duration.ofSeconds(amount);
						case "m" -> Duration.ofMinutes(amount);
						case "h" -> Duration.ofHours(amount);
						default -> Duration.ofDays(amount);
					};
				} else {
					duration = Duration.parse(value);
				}
			} catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
				throw new TypeConversionException("'" + value + "' is not a duration such as 90s, 30m, 12h or 7d");
			}
			if (duration.isNegative() || duration.isZero()) {
				throw new TypeConversionException("'" + value + "' is not a positive duration");
			}
			return duration;
		}
	}

	/** A UUID written out in full, as the services print their ids. */
	static final class Id implements ITypeConverter<UUID> {

		@Override
		public UUID convert(String value) {
			try {
				return TokenRequest.uuid("id", value);
			} catch (IllegalArgumentException e) {
				throw new TypeConversionException("'" + value + "' is not a UUID");
			}
		}
	}

	/** An address to listen on, such as 127.0.0.1 or 0.0.0.0 (or a host name that resolves to one). */
	static final class Address implements ITypeConverter<InetAddress> {

		@Override
		public InetAddress convert(String value) {
			try {
				return InetAddress.getByName(value);
			} catch (UnknownHostException e) {
				throw new TypeConversionException("'" + value + "' is not an address of this machine, such as 127.0.0.1 or 0.0.0.0");
			}
		}
	}

	/** A path, made absolute. An empty one is refused: {@code --run-dir=} would silently mean the current folder. */
	static final class AbsolutePath implements ITypeConverter<Path> {

		@Override
		public Path convert(String value) {
			if (value.isBlank()) {
				throw new TypeConversionException("an empty path");
			}
			try {
				return Path.of(value).toAbsolutePath();
			} catch (InvalidPathException e) {
				throw new TypeConversionException("'" + value + "' is not a path: " + e.getReason());
			}
		}
	}
}
