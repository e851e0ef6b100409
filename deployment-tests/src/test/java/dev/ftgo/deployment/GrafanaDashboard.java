package dev.ftgo.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Grafana dashboard's JSON model, read for its panels (those inside rows too), their queries and variables. */
record GrafanaDashboard(JsonNode root) {

	/** A panel that shows data; rows only group panels. */
	record Panel(String title, JsonNode datasource, List<Query> queries) {
	}

	/** One of a panel's targets: its refId, data source and PromQL expression. */
	record Query(String refId, JsonNode datasource, String expr) {
	}

	static GrafanaDashboard load(Path file) {
		return parse(ConfigFiles.read(file));
	}

	/** @throws tools.jackson.core.JacksonException if the text is not JSON */
	static GrafanaDashboard parse(String json) {
		return new GrafanaDashboard(JsonMapper.shared().readTree(json));
	}

	List<Panel> panels() {
		List<Panel> panels = new ArrayList<>();
		collect(root.path("panels"), panels);
		return panels;
	}

	/** The names of variables that query a data source (type query); constants, intervals and the like do not. */
	List<String> queryVariables() {
		List<String> names = new ArrayList<>();
		root.path("templating").path("list").forEach(variable -> {
			if (variable.path("type").asString("").equals("query")) {
				names.add(variable.path("name").asString(""));
			}
		});
		return names;
	}

	private static void collect(JsonNode nodes, List<Panel> panels) {
		for (JsonNode panel : nodes) {
			if (panel.path("type").asString("").equals("row")) {
				collect(panel.path("panels"), panels);
				continue;
			}
			List<Query> queries = new ArrayList<>();
			panel.path("targets").forEach(target -> queries.add(new Query(target.path("refId").asString(""),
					target.path("datasource"), target.path("expr").asString(""))));
			panels.add(new Panel(panel.path("title").asString(""), panel.path("datasource"), queries));
		}
	}
}
