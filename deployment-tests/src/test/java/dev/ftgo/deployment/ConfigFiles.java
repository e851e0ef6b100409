package dev.ftgo.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** How the deployment checks read the repository's configuration files. */
final class ConfigFiles {

	private ConfigFiles() {
	}

	/** The text of {@code file}; one the checks cannot read fails the test that needs it. */
	static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new IllegalStateException("Cannot read " + file, e);
		}
	}

	/**
	 * A YAML document's top-level mapping, empty for an empty document. SnakeYAML resolves anchors and merge keys
	 * ({@code <<: *app}) as Compose and Kubernetes tools do, which a plain JSON mapper would not.
	 */
	static Map<String, Object> yaml(String text) {
		Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		return root == null ? Map.of() : root;
	}
}
