package dev.ftgo.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * What a module's {@code application.yml} lets the environment set: the keys it declares and the
 * placeholders in its values, for the profiles a container activates. Environment variable names are
 * mapped to property names by Spring Boot's own mapper, so the rules are Spring's relaxed binding, not a
 * re-implementation of it.
 */
final class ModuleProperties {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");
	private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9-]+");

	private final String module;
	private final List<EnumerablePropertySource<?>> documents;
	private final List<ConfigurationPropertyName> bindable = new ArrayList<>();

	private ModuleProperties(String module, List<EnumerablePropertySource<?>> documents) {
		this.module = module;
		this.documents = documents;
		for (EnumerablePropertySource<?> document : documents) {
			((IterableConfigurationPropertySource) ConfigurationPropertySource.from(document)).stream().forEach(bindable::add);
			for (String key : document.getPropertyNames()) {
				Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(document.getProperty(key)));
				while (placeholder.find()) {
					bindable.add(ConfigurationPropertyName.adapt(placeholder.group(1), '.'));
				}
			}
		}
	}

	/** {@code <module>/src/main/resources/application.yml} and the profile files of {@code activeProfiles}. */
	static ModuleProperties load(Path projectRoot, String module, Collection<String> activeProfiles) {
		Path resources = projectRoot.resolve(module).resolve("src/main/resources");
		if (!Files.isRegularFile(resources.resolve("application.yml"))) {
			throw new IllegalArgumentException("No module " + module + " with an application.yml under " + projectRoot);
		}
		List<EnumerablePropertySource<?>> documents = new ArrayList<>(read(resources.resolve("application.yml")));
		activeProfiles.stream().map(profile -> resources.resolve("application-" + profile + ".yml"))
				.filter(Files::isRegularFile).forEach(file -> documents.addAll(read(file)));
		documents.removeIf(document -> Optional.ofNullable(document.getProperty("spring.config.activate.on-profile"))
				.map(expression -> !Profiles.of(String.valueOf(expression)).matches(activeProfiles::contains)).orElse(false));
		return new ModuleProperties(module, documents);
	}

	private static List<EnumerablePropertySource<?>> read(Path file) {
		try {
			return new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file)).stream()
					.<EnumerablePropertySource<?>>map(document -> (EnumerablePropertySource<?>) document).toList();
		} catch (IOException e) {
			throw new IllegalStateException("Cannot read " + file, e);
		}
	}

	/**
	 * The value application.yml gives {@code key} (as written, e.g. {@code server.port}), a profile's file winning
	 * over it and a later document over an earlier one, as in Spring.
	 */
	Optional<String> value(String key) {
		return IntStream.iterate(documents.size() - 1, i -> i >= 0, i -> i - 1).mapToObj(documents::get)
				.map(document -> document.getProperty(key)).filter(Objects::nonNull).findFirst().map(String::valueOf);
	}

	/** Why setting {@code variable} in the environment would not configure this module; empty if it would. */
	Optional<String> whyUnbound(String variable) {
		Optional<ConfigurationPropertyName> name = propertyNameOf(variable);
		if (name.isEmpty()) {
			return Optional.of(variable + " is not a property name");
		}
		List<ConfigurationPropertyName> matches = bindable.stream().filter(name.get()::equals).toList();
		if (matches.isEmpty()) {
			return Optional.of(variable + " -> " + name.get() + ", which " + module + "'s application.yml neither declares nor reads");
		}
		if (IntStream.range(0, name.get().getNumberOfElements()).anyMatch(name.get()::isNumericIndex)) {
			return Optional.of(variable + " sets one element of the list " + name.get().getParent()
					+ ": a list from the environment replaces the whole list of application.yml");
		}
		return matches.stream().flatMap(match -> IntStream.range(0, match.getNumberOfElements())
				.mapToObj(i -> match.getElement(i, Form.ORIGINAL)))
				.filter(element -> !KEBAB_CASE.matcher(element).matches()).findFirst()
				.map(key -> variable + " names the map key '" + key + "' of " + module + "'s application.yml, which an"
						+ " environment variable can only spell in lower case: Spring also binds a key '"
						+ key.toLowerCase() + "'. Read a placeholder there instead");
	}

	/** The property an environment variable sets, by Spring Boot's mapper for the system environment. */
	static Optional<ConfigurationPropertyName> propertyNameOf(String variable) {
		PropertySource<?> environment = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, ""));
		return ((IterableConfigurationPropertySource) ConfigurationPropertySource.from(environment)).stream().findFirst();
	}
}
