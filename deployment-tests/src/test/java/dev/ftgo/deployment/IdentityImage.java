package dev.ftgo.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime stage of docker/identity.Dockerfile, as far as the deployments depend on it: the command it
 * runs, where it listens and where it keeps its key. Compose and the local overlay name the same port and
 * directory; {@link IdentityImageTest} holds them to these.
 */
record IdentityImage(List<String> instructions) {

	private static final Pattern OPTION = Pattern.compile("--([a-z-]+)=(.*)");

	static IdentityImage load(Path projectRoot) {
		return parse(ConfigFiles.read(projectRoot.resolve(TokenIssuers.IDENTITY_DOCKERFILE)));
	}

	/** The instructions after the last {@code FROM}, continuation lines joined, comments dropped. */
	static IdentityImage parse(String dockerfile) {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : dockerfile.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.startsWith("#") || trimmed.isEmpty() && current.isEmpty()) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				current.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			current.append(trimmed);
			String instruction = current.toString().strip();
			current.setLength(0);
			if (instruction.toUpperCase().startsWith("FROM ")) {
				instructions.clear();
			}
			instructions.add(instruction);
		}
		return new IdentityImage(List.copyOf(instructions));
	}

	/** The arguments of an instruction, e.g. {@code USER} → {@code 10001:10001}; the last one counts. */
	Optional<String> last(String keyword) {
		return instructions.stream().filter(instruction -> instruction.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
				.reduce((first, second) -> second).map(instruction -> instruction.substring(keyword.length() + 1).strip());
	}

	List<String> all(String keyword) {
		return instructions.stream().filter(instruction -> instruction.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
				.map(instruction -> instruction.substring(keyword.length() + 1).strip()).toList();
	}

	/** The exec-form ENTRYPOINT. */
	List<String> entrypoint() {
		return last("ENTRYPOINT").map(json -> JsonMapper.shared().readValue(json, new TypeReference<List<String>>() { }))
				.orElse(List.of());
	}

	/** The value of {@code --name=value} on the ENTRYPOINT. */
	Optional<String> option(String name) {
		return entrypoint().stream().map(OPTION::matcher).filter(Matcher::matches).filter(option -> option.group(1).equals(name))
				.map(option -> option.group(2)).findFirst();
	}

	/** The port the identity listens on. */
	int port() {
		return Integer.parseInt(option("identity-port").orElseThrow(() -> new IllegalStateException(
				TokenIssuers.IDENTITY_DOCKERFILE + " starts the identity without --identity-port")));
	}

	/** The directory of the key file, where compose and Kubernetes mount writable storage. */
	String keyDirectory() {
		String keyFile = option("key-file").orElseThrow(() -> new IllegalStateException(
				TokenIssuers.IDENTITY_DOCKERFILE + " starts the identity without --key-file"));
		return keyFile.substring(0, keyFile.lastIndexOf('/'));
	}
}
