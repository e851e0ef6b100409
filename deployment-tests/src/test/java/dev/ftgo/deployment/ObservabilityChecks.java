package dev.ftgo.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ftgo.deployment.ComposeFile.Service;
import dev.ftgo.deployment.GrafanaDashboard.Panel;
import dev.ftgo.deployment.GrafanaDashboard.Query;
import dev.ftgo.deployment.PromQl.Selector;

import tools.jackson.databind.JsonNode;

/**
 * The rules the Prometheus configuration and the Grafana dashboard keep, against docker-compose.yml, the
 * applications' own settings and the metrics they really serve. As in {@link ComposeChecks}, each check answers
 * its violations, one sentence each.
 */
final class ObservabilityChecks {

	static final String METRICS_PATH = "/actuator/prometheus";

	/** Labels Prometheus attaches to every sample it scrapes; the applications do not serve them. */
	private static final Set<String> TARGET_LABELS = Set.of("job", "instance");
	/** A job matcher that names applications: {@code order-service} or {@code order-service|kitchen-service}. */
	private static final Pattern JOB_NAMES = Pattern.compile("[\\w-]+(\\|[\\w-]+)*");

	private ObservabilityChecks() {
	}

	/**
	 * Every application of the compose file is scraped under its service name as the job (the dashboard selects by
	 * it), at its service name and its own {@code server.port}, looked up by DNS so that every instance of a scaled
	 * service is a target of its own (a static target reaches whichever container Docker's DNS answers with), on
	 * {@link #METRICS_PATH}, every {@code scrapeInterval}; and every job scrapes a service of the compose file.
	 */
	static List<String> scrapeJobsDisagreeingWithApps(PrometheusConfig prometheus, ComposeFile compose, Path projectRoot,
			String scrapeInterval) {
		Map<String, PrometheusConfig.Job> jobs = prometheus.jobs().stream()
				.collect(Collectors.toMap(PrometheusConfig.Job::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		List<String> problems = new ArrayList<>();
		for (Service app : compose.services().values()) {
			Optional<String> module = app.module();
			if (module.isEmpty()) {
				continue;
			}
			String port = ModuleProperties.load(projectRoot, module.get(), List.of()).value("server.port").orElse("8080");
			PrometheusConfig.Job job = jobs.get(app.name());
			if (job == null) {
				problems.add("no job scrapes " + app.name());
				continue;
			}
			if (!job.targets().equals(List.of(app.name() + ":" + port))) {
				problems.add("job " + job.name() + " scrapes " + job.targets() + ", but " + module.get() + " listens on "
						+ app.name() + ":" + port);
			}
			if (!job.staticTargets().isEmpty()) {
				problems.add("job " + job.name() + " has the static targets " + job.staticTargets() + ", which reach one"
						+ " instance of " + app.name() + " at a time; look the name up by DNS (dns_sd_configs, type A)");
			}
			if (!job.metricsPath().equals(METRICS_PATH)) {
				problems.add("job " + job.name() + " reads " + job.metricsPath() + ", not " + METRICS_PATH);
			}
			if (!job.scrapeInterval().equals(scrapeInterval)) {
				problems.add("job " + job.name() + " scrapes every " + job.scrapeInterval() + ", not every " + scrapeInterval);
			}
		}
		jobs.values().forEach(job -> job.targets().stream().map(target -> target.replaceFirst(":\\d+$", ""))
				.filter(host -> !compose.services().containsKey(host))
				.forEach(host -> problems.add("job " + job.name() + " scrapes " + host + ", which is no service of the compose file")));
		return problems;
	}

	/** Every panel reads the provisioned Prometheus data source and has at least one query; every query has an expression. */
	static List<String> panelsWithoutDatasourceOrQuery(GrafanaDashboard dashboard, String datasourceUid) {
		List<String> problems = new ArrayList<>();
		for (Panel panel : dashboard.panels()) {
			String name = "panel '" + panel.title() + "'";
			wrongDatasource(panel.datasource(), datasourceUid).ifPresent(problem -> problems.add(name + " " + problem));
			if (panel.queries().isEmpty()) {
				problems.add(name + " has no query");
			}
			for (Query query : panel.queries()) {
				if (!query.datasource().isMissingNode()) {
					wrongDatasource(query.datasource(), datasourceUid)
							.ifPresent(problem -> problems.add(name + ", query " + query.refId() + " " + problem));
				}
				if (query.expr().isBlank()) {
					problems.add(name + ", query " + query.refId() + " has no expression");
				}
			}
		}
		return problems;
	}

	/**
	 * Every metric a query selects is served by the applications it selects with {@code job} (by any application
	 * when it names none), and has every label the query matches on: checked against the lists scraped from the
	 * running applications.
	 */
	static List<String> unknownMetrics(GrafanaDashboard dashboard, MetricNames names) {
		List<String> problems = new ArrayList<>();
		dashboard.queryVariables().forEach(variable -> problems.add("variable " + variable
				+ " queries the data source, and this check does not read variable queries"));
		for (Panel panel : dashboard.panels()) {
			for (Query query : panel.queries()) {
				String where = "panel '" + panel.title() + "', query " + query.refId();
				try {
					PromQl.selectors(query.expr()).forEach(selector -> problems.addAll(unknown(where, selector, names)));
				} catch (IllegalArgumentException unreadable) {
					problems.add(where + ": " + unreadable.getMessage());
				}
			}
		}
		return problems;
	}

	/** Every metric an alert rule selects, and every label it matches on, checked like a dashboard's queries. */
	static List<String> unknownMetrics(AlertRules alerts, MetricNames names) {
		List<String> problems = new ArrayList<>();
		for (AlertRules.Rule rule : alerts.rules()) {
			String where = "alert " + rule.alert();
			try {
				PromQl.selectors(rule.expr()).forEach(selector -> problems.addAll(unknown(where, selector, names)));
			} catch (IllegalArgumentException unreadable) {
				problems.add(where + ": " + unreadable.getMessage());
			}
		}
		return problems;
	}

	private static List<String> unknown(String where, Selector selector, MetricNames names) {
		Optional<Set<String>> named = selectedJobs(selector);
		List<String> problems = new ArrayList<>();
		named.ifPresent(jobs -> jobs.stream().filter(job -> !names.apps().contains(job))
				.forEach(job -> problems.add(where + " selects job " + job + ", which has no list of metric names")));
		List<String> apps = named.map(jobs -> jobs.stream().filter(names.apps()::contains).toList())
				.orElse(List.copyOf(names.apps()));
		List<Set<String>> served = apps.stream().flatMap(app -> names.labels(app, selector.metric()).stream()).toList();
		if (named.isPresent()) {
			apps.stream().filter(app -> names.labels(app, selector.metric()).isEmpty())
					.forEach(app -> problems.add(where + " selects " + selector.metric() + ", which " + app + " does not serve"));
		} else if (served.isEmpty()) {
			problems.add(where + " selects " + selector.metric() + ", which no application serves");
		}
		if (!served.isEmpty()) {
			selector.matchers().stream().map(PromQl.Matcher::label).filter(label -> !TARGET_LABELS.contains(label))
					.filter(label -> served.stream().noneMatch(labels -> labels.contains(label)))
					.forEach(label -> problems.add(where + " matches label " + label + " of " + selector.metric()
							+ ", which has no such label"));
		}
		return problems;
	}

	/** The applications a selector's job matcher names, if it names them plainly (no variable, no pattern). */
	private static Optional<Set<String>> selectedJobs(Selector selector) {
		return selector.matcher("job").filter(job -> job.op().equals("=") || job.op().equals("=~"))
				.filter(job -> JOB_NAMES.matcher(job.value()).matches())
				.map(job -> Set.copyOf(Arrays.asList(job.value().split("\\|"))));
	}

	private static Optional<String> wrongDatasource(JsonNode datasource, String uid) {
		if (!datasource.isObject()) {
			return Optional.of("has no data source");
		}
		String type = datasource.path("type").asString("");
		String actual = datasource.path("uid").asString("");
		return type.equals("prometheus") && actual.equals(uid) ? Optional.empty()
				: Optional.of("reads data source " + type + "/" + actual + ", not the provisioned prometheus/" + uid);
	}
}
