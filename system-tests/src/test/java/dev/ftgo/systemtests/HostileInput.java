package dev.ftgo.systemtests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generates malformed and hostile variants of a valid JSON request body, reproducibly from a seed:
 * random bytes, deep nesting, wrong types, huge strings, negative and absurd numbers, invalid UUIDs,
 * dates and currencies, nulls, truncation, and values placed where the schema expects something else.
 */
final class HostileInput {

	private static final List<String> HOSTILE_VALUES = List.of("null", "true", "-1", "0", "-0.01", "1e308", "-1e308",
			"9223372036854775808", "123456789012345678901234567890", "1.0000000001", "NaN", "\"\"", "\" \"",
			"\"not-a-uuid\"", "\"00000000-0000-0000-0000-000000000000\"", "\"2026-13-45T99:99:99Z\"", "\"yesterday\"",
			"\"XXX\"", "\"usd\"", "\"-5.00\"", "\"12.345\"", "\"1e3\"", "\"0x10\"", "\"\\u0000\"", "\"<script>alert(1)</script>\"",
			"\"'; DROP TABLE orders; --\"", "\"\\ud800\"", "\"😀😀😀\"", "[]", "{}", "[null]", "{\"a\": {\"b\": []}}",
			"\"" + "A".repeat(100_000) + "\"");

	private final Random random;

	HostileInput(long seed) {
		this.random = new Random(seed);
	}

	/** {@code count} variants of {@code validJson}, each replacing one value with a hostile one or breaking the syntax. */
	List<String> variants(String validJson, int count) {
		var variants = new ArrayList<String>(count);
		var values = valuePositions(validJson);
		List<Function<String, String>> breakers = List.of(this::randomBytes, this::deepNesting, this::truncated,
				json -> json.replace("{", "["), json -> "[" + json + "]", json -> "\"" + json.replace("\"", "\\\"") + "\"",
				json -> json + json, json -> json.replace(":", "="), json -> "{\"a\": " + json + "}");
		for (int i = 0; i < count; i++) {
			if (values.isEmpty() || random.nextInt(4) == 0) {
				variants.add(breakers.get(random.nextInt(breakers.size())).apply(validJson));
			}
			else {
				int[] span = values.get(random.nextInt(values.size()));
				var hostile = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
				variants.add(validJson.substring(0, span[0]) + hostile + validJson.substring(span[1]));
			}
		}
		return variants;
	}

	private String randomBytes(String ignored) {
		var bytes = new byte[1 + random.nextInt(2048)];
		random.nextBytes(bytes);
		return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
	}

	private String deepNesting(String ignored) {
		int depth = 1_000 + random.nextInt(50_000);
		return "[".repeat(depth) + "]".repeat(depth);
	}

	private String truncated(String json) {
		return json.substring(0, random.nextInt(json.length()));
	}

	/** The [start, end) spans of every scalar, object and array value after a ':' or in an array. */
	private static List<int[]> valuePositions(String json) {
		var spans = new ArrayList<int[]>();
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == ':' || c == '[' || (c == ',' && insideArray(json, i))) {
				int start = i + 1;
				while (start < json.length() && Character.isWhitespace(json.charAt(start))) {
					start++;
				}
				int end = endOfValue(json, start);
				if (end > start) {
					spans.add(new int[] { start, end });
				}
			}
		}
		return spans;
	}

	private static boolean insideArray(String json, int index) {
		int depth = 0;
		for (int i = index - 1; i >= 0; i--) {
			char c = json.charAt(i);
			if (c == ']' || c == '}') {
				depth++;
			}
			else if (c == '[' || c == '{') {
				if (depth == 0) {
					return c == '[';
				}
				depth--;
			}
		}
		return false;
	}

	private static int endOfValue(String json, int start) {
		if (start >= json.length()) {
			return start;
		}
		char first = json.charAt(start);
		if (first == '"') {
			int i = start + 1;
			while (i < json.length() && json.charAt(i) != '"') {
				i += json.charAt(i) == '\\' ? 2 : 1;
			}
			return Math.min(i + 1, json.length());
		}
		if (first == '{' || first == '[') {
			int depth = 0;
			for (int i = start; i < json.length(); i++) {
				char c = json.charAt(i);
				if (c == '{' || c == '[') {
					depth++;
				}
				else if (c == '}' || c == ']') {
					depth--;
					if (depth == 0) {
						return i + 1;
					}
				}
			}
			return json.length();
		}
		int i = start;
		while (i < json.length() && ",}] \n".indexOf(json.charAt(i)) < 0) {
			i++;
		}
		return i;
	}
}
