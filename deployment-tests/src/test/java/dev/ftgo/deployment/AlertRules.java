package dev.ftgo.deployment;

import static dev.ftgo.deployment.ComposeFile.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A Prometheus rule file, read for its alerting rules. */
record AlertRules(List<Rule> rules) {

	/** One alerting rule: its name and its PromQL expression. */
	record Rule(String alert, String expr) {
	}

	static AlertRules load(Path file) {
		return parse(ConfigFiles.read(file));
	}

	static AlertRules parse(String yaml) {
		List<Rule> rules = new ArrayList<>();
		for (Object group : list(ConfigFiles.yaml(yaml).get("groups"))) {
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
