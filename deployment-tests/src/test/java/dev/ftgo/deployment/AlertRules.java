package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFile.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A Prometheus rule file, read for its alerting rules. */
record AlertRules(List<Rule> rules) {

	/** One alerting rule: its name and its PromQL expression. */
	record Rule(String alert, String expr) {
	}

	static AlertRules load(Path file) {
		try {
			return parse(Files.readString(file));
		} catch (IOException e) {
			throw new IllegalStateException("Cannot read " + file, e);
		}
	}

	static AlertRules parse(String yaml) {
		Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
		List<Rule> rules = new ArrayList<>();
		for (Object group : list(root == null ? null : root.get("groups"))) {
			for (Object rule : list(map(group).get("rules"))) {
				Map<String, Object> fields = map(rule);
				if (fields.containsKey("alert")) {
					rules.add(new Rule(String.valueOf(fields.get("alert")), String.valueOf(fields.get("expr"))));
				}
			}
		}
		return new AlertRules(rules);
	}

	private static List<?> list(Object value) {
		return value instanceof List<?> list ? list : List.of();
	}
}
