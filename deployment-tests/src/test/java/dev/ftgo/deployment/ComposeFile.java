package dev.ftgo.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compose file as Compose reads it: YAML with anchors and merge keys ({@code <<: *app}) resolved, which
 * SnakeYAML does and a plain JSON mapper would not.
 */
record ComposeFile(Map<String, Object> root) {

	static ComposeFile load(Path file) {
		return parse(ConfigFiles.read(file));
	}

	static ComposeFile parse(String yaml) {
		return new ComposeFile(ConfigFiles.yaml(yaml));
	}

	Map<String, Service> services() {
		Map<String, Service> services = new LinkedHashMap<>();
		map(root.get("services")).forEach((name, definition) -> services.put(name, new Service(name, map(definition))));
		return services;
	}

	/** One entry of {@code services:}, read in both the short (list) and the long (map) syntax. */
	record Service(String name, Map<String, Object> definition) {

		/** The health check's test command, unless there is none or it is disabled. */
		Optional<Object> healthCheck() {
			Map<String, Object> healthCheck = map(definition.get("healthcheck"));
			Object test = healthCheck.get("test");
			boolean none = test == null || List.of("NONE").equals(test) || "NONE".equals(test)
					|| Boolean.TRUE.equals(healthCheck.get("disable"));
			return none ? Optional.empty() : Optional.of(test);
		}

		/** Service name to condition; the short syntax has none. */
		Map<String, Optional<String>> dependsOn() {
			Map<String, Optional<String>> dependencies = new LinkedHashMap<>();
			Object dependsOn = definition.get("depends_on");
			if (dependsOn instanceof List<?> names) {
				names.forEach(name -> dependencies.put(String.valueOf(name), Optional.empty()));
			} else {
				map(dependsOn).forEach((name, options) -> dependencies.put(name,
						Optional.ofNullable(map(options).get("condition")).map(String::valueOf)));
			}
			return dependencies;
		}

		/** Variable to value ({@code ""} for a variable passed through from the host). */
		Map<String, String> environment() {
			Map<String, String> environment = new LinkedHashMap<>();
			Object declared = definition.get("environment");
			if (declared instanceof List<?> entries) {
				entries.stream().map(String::valueOf).forEach(entry -> {
					int equals = entry.indexOf('=');
					environment.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
				});
			} else {
				map(declared).forEach((name, value) -> environment.put(name, value == null ? "" : String.valueOf(value)));
			}
			return environment;
		}

		/** The profiles that start this service; none for a service that plain {@code docker compose up} starts. */
		List<String> profiles() {
			return definition.get("profiles") instanceof List<?> profiles ? profiles.stream().map(String::valueOf).toList()
					: List.of();
		}

		boolean isBuilt() {
			return definition.containsKey("build");
		}

		Optional<String> buildArg(String name) {
			return Optional.ofNullable(map(map(definition.get("build")).get("args")).get(name)).map(String::valueOf);
		}

		/** The Maven module docker/Dockerfile builds for this service. */
		Optional<String> module() {
			return buildArg("MODULE");
		}

		Optional<String> get(String... path) {
			Object value = definition;
			for (String key : path) {
				value = map(value).get(key);
			}
			return Optional.ofNullable(value).map(String::valueOf);
		}

		/** Container path to host path of each bind mount, in the short ({@code ./a:/b:ro}) or the long syntax. */
		Map<String, String> bindMounts() {
			Map<String, String> mounts = new LinkedHashMap<>();
			Object volumes = definition.get("volumes");
			if (volumes instanceof List<?> entries) {
				for (Object entry : entries) {
					if (entry instanceof Map<?, ?> longSyntax && "bind".equals(longSyntax.get("type"))) {
						mounts.put(String.valueOf(longSyntax.get("target")), String.valueOf(longSyntax.get("source")));
					} else if (entry instanceof String shortSyntax && (shortSyntax.startsWith(".") || shortSyntax.startsWith("/"))) {
						String[] parts = shortSyntax.split(":");
						mounts.put(parts[1], parts[0]);
					}
				}
			}
			return mounts;
		}

		List<Object> ports() {
			return definition.get("ports") instanceof List<?> ports ? List.copyOf(ports) : List.of();
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}
}
