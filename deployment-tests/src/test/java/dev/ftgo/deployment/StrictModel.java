package dev.ftgo.deployment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Unknown fields in a parsed fabric8 model. fabric8 never fails on a field it does not know: it keeps the
 * field in the object's {@code additionalProperties} (so does a value of the wrong type). A misspelt
 * {@code readinesProbe} or a {@code securityContext} one level too deep would parse silently and be
 * dropped by the API server; here it is reported with its path, walking the properties fabric8 serialises.
 */
final class StrictModel {

	private StrictModel() {
	}

	/** Each unknown field below {@code model}, as {@code path.to.field}. */
	static List<String> unknownFields(Object model) {
		var found = new ArrayList<String>();
		walk(model, "", found);
		return found;
	}

	private static void walk(Object value, String path, List<String> found) {
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, entry) -> walk(entry, path + "[" + key + "]", found));
		}
		else if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				walk(element, path + "[" + index++ + "]", found);
			}
		}
		else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
			for (Method getter : value.getClass().getMethods()) {
				if (getter.getParameterCount() > 0 || Modifier.isStatic(getter.getModifiers())) {
					continue;
				}
				if (getter.isAnnotationPresent(JsonAnyGetter.class)) {
					((Map<?, ?>) invoke(getter, value)).keySet().forEach(key -> found.add(path + "." + key));
				}
				else if (getter.isAnnotationPresent(JsonProperty.class)) {
					walk(invoke(getter, value), path + "." + getter.getAnnotation(JsonProperty.class).value(), found);
				}
			}
		}
	}

	private static Object invoke(Method getter, Object target) {
		try {
			return getter.invoke(target);
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("Cannot read " + getter, e);
		}
	}
}
