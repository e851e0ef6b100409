package dev.ftgo.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The vector selectors of a PromQL expression ({@code rate(http_server_requests_seconds_count{status=~"5.."}[1m])}
 * selects {@code http_server_requests_seconds_count} with one matcher). Not a PromQL parser: it knows enough of the
 * lexical grammar to tell a metric name from a function, an aggregation, a keyword, a label list, a duration, a
 * string or a Grafana variable, and refuses what it cannot read rather than guess.
 */
final class PromQl {

	private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
			"count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
	/** Keywords followed by a parenthesised list of label names. */
	private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

	/** One label matcher: {@code label op "value"}, op one of {@code = != =~ !~}. */
	record Matcher(String label, String op, String value) {
	}

	/** A metric name and the matchers in its braces. */
	record Selector(String metric, List<Matcher> matchers) {

		Optional<Matcher> matcher(String label) {
			return matchers.stream().filter(matcher -> matcher.label().equals(label)).findFirst();
		}
	}

	private final String expression;
	private int at;

	private PromQl(String expression) {
		this.expression = expression;
	}

	/** @throws IllegalArgumentException on an expression this reader cannot follow */
	static List<Selector> selectors(String expression) {
		return new PromQl(expression).read();
	}

	private List<Selector> read() {
		List<Selector> selectors = new ArrayList<>();
		while (at < expression.length()) {
			char c = expression.charAt(at);
			if (c == '"' || c == '\'' || c == '`') {
				string();
			} else if (c == '[') {
				skipPast(']'); // a range or subquery: durations and $__rate_interval
			} else if (c == '{') {
				throw unreadable("a selector without a metric name");
			} else if (c == '$') {
				variable();
			} else if (Character.isDigit(c) || c == '.') {
				while (at < expression.length() && (Character.isLetterOrDigit(expression.charAt(at)) || expression.charAt(at) == '.')) {
					at++; // a number or a duration
				}
			} else if (Character.isLetter(c) || c == '_' || c == ':') {
				identifier(selectors);
			} else {
				at++;
			}
		}
		return selectors;
	}

	private void identifier(List<Selector> selectors) {
		int start = at;
		while (at < expression.length() && (Character.isLetterOrDigit(expression.charAt(at)) || "_:".indexOf(expression.charAt(at)) >= 0)) {
			at++;
		}
		String name = expression.substring(start, at);
		char next = nextNonBlank();
		if (LABEL_LISTS.contains(name)) {
			if (next == '(') {
				skipPast(')');
			}
		} else if (next == '(' || AGGREGATIONS.contains(name) || KEYWORDS.contains(name.toLowerCase())) {
			return; // a function, an aggregation or a keyword, not a metric
		} else {
			selectors.add(new Selector(name, next == '{' ? matchers() : List.of()));
		}
	}

	private List<Matcher> matchers() {
		List<Matcher> matchers = new ArrayList<>();
		at = expression.indexOf('{', at) + 1;
		while (nextNonBlank() != '}') {
			int start = at;
			while (at < expression.length() && (Character.isLetterOrDigit(expression.charAt(at)) || expression.charAt(at) == '_')) {
				at++;
			}
			String label = expression.substring(start, at);
			nextNonBlank();
			String op = expression.startsWith("=~", at) || expression.startsWith("!~", at) || expression.startsWith("!=", at)
					? expression.substring(at, at + 2) : expression.startsWith("=", at) ? "=" : "";
			at += op.length();
			char quote = nextNonBlank();
			if (label.isEmpty() || op.isEmpty() || quote != '"' && quote != '\'') {
				throw unreadable("a label matcher it cannot read");
			}
			matchers.add(new Matcher(label, op, string()));
			if (nextNonBlank() == ',') {
				at++;
			}
		}
		at++;
		return matchers;
	}

	/** Reads the quoted string at {@link #at} and answers its content, escapes resolved. */
	private String string() {
		char quote = expression.charAt(at++);
		StringBuilder content = new StringBuilder();
		while (at < expression.length() && expression.charAt(at) != quote) {
			if (expression.charAt(at) == '\\' && quote != '`') {
				at++;
			}
			if (at < expression.length()) {
				content.append(expression.charAt(at++));
			}
		}
		if (at++ >= expression.length()) {
			throw unreadable("an unterminated string");
		}
		return content.toString();
	}

	/** A Grafana variable: {@code $name}, {@code ${name}} or {@code ${name:format}}. */
	private void variable() {
		at++;
		if (at < expression.length() && expression.charAt(at) == '{') {
			skipPast('}');
		} else {
			while (at < expression.length() && (Character.isLetterOrDigit(expression.charAt(at)) || expression.charAt(at) == '_')) {
				at++;
			}
		}
	}

	private void skipPast(char closing) {
		int end = expression.indexOf(closing, at);
		if (end < 0) {
			throw unreadable("no closing " + closing);
		}
		at = end + 1;
	}

	/** Moves past blanks and answers the character there, or 0 at the end. */
	private char nextNonBlank() {
		while (at < expression.length() && Character.isWhitespace(expression.charAt(at))) {
			at++;
		}
		return at < expression.length() ? expression.charAt(at) : 0;
	}

	private IllegalArgumentException unreadable(String what) {
		return new IllegalArgumentException("The expression has " + what + " at " + at + ": " + expression);
	}
}
