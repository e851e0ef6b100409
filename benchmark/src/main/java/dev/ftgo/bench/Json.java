package dev.ftgo.bench;

import java.util.Collection;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as indented JSON; NaN becomes null. */
final class Json {

	private Json() {
	}

	static String write(Object value) {
		StringBuilder json = new StringBuilder();
		write(value, json, "");
		return json.append('\n').toString();
	}

	private static void write(Object value, StringBuilder json, String indent) {
		if (value == null || value instanceof Double number && (number.isNaN() || number.isInfinite())) {
			json.append("null");
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			writeEntries(map, json, indent);
		}
		else if (value instanceof Collection<?> list) {
			json.append('[');
			String separator = "";
			for (Object item : list) {
				json.append(separator);
				write(item, json, indent);
				separator = ", ";
			}
			json.append(']');
		}
		else {
			string(value.toString(), json);
		}
	}

	private static void writeEntries(Map<?, ?> map, StringBuilder json, String indent) {
		if (map.isEmpty()) {
			json.append("{}");
			return;
		}
		String inner = indent + "  ";
		json.append("{\n");
		String separator = "";
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			json.append(separator).append(inner);
			string(String.valueOf(entry.getKey()), json);
			json.append(": ");
			write(entry.getValue(), json, inner);
			separator = ",\n";
		}
		json.append('\n').append(indent).append('}');
	}

	private static void string(String text, StringBuilder json) {
		json.append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}
}
