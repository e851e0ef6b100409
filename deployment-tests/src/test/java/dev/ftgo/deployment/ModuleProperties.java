package dev.ftgo.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
 * placeholders in its values, for the profiles a container activates, with what it imports
 * ({@code spring.config.import}, e.g. web-support's {@code ftgo-service-defaults.yml}). Environment variable names
 * are mapped to property names by Spring Boot's own mapper, so the rules are Spring's relaxed binding, not a
 * re-implementation of it.
 */
final class ModuleProperties {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)");
	private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9-]+");
	private static final String IMPORT = "spring.config.import";
	private static final String OPTIONAL = "optional:";
	private static final String CLASSPATH = "classpath:";

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

	/**
	 * {@code <module>/src/main/resources/application.yml} and the profile files of {@code activeProfiles}, each
	 * document followed by what it imports.
	 */
	static ModuleProperties load(Path projectRoot, String module, Collection<String> activeProfiles) {
		Path resources = projectRoot.resolve(module).resolve("src/main/resources");
		if (!Files.isRegularFile(resources.resolve("application.yml"))) {
			throw new IllegalArgumentException("No module " + module + " with an application.yml under " + projectRoot);
		}
		List<EnumerablePropertySource<?>> documents = new ArrayList<>(withImports(projectRoot, resources,
				read(resources.resolve("application.yml"))));
		activeProfiles.stream().map(profile -> resources.resolve("application-" + profile + ".yml"))
				.filter(Files::isRegularFile).forEach(file -> documents.addAll(withImports(projectRoot, resources, read(file))));
		documents.removeIf(document -> Optional.ofNullable(document.getProperty("spring.config.activate.on-profile"))
				.map(expression -> !Profiles.of(String.valueOf(expression)).matches(activeProfiles::contains)).orElse(false));
		return new ModuleProperties(module, documents);
	}

	/**
	 * Each document followed by the files it imports, as Spring places them: an import wins over the document that
	 * declares it and loses to the documents after that one.
	 */
	private static List<EnumerablePropertySource<?>> withImports(Path projectRoot, Path resources,
			List<EnumerablePropertySource<?>> documents) {
		List<EnumerablePropertySource<?>> all = new ArrayList<>();
		for (EnumerablePropertySource<?> document : documents) {
			all.add(document);
			for (String location : imports(document)) {
				boolean optional = location.startsWith(OPTIONAL);
				String resource = optional ? location.substring(OPTIONAL.length()) : location;
				if (!resource.startsWith(CLASSPATH)) {
					throw new IllegalArgumentException(document.getName() + " imports " + location
							+ ", but only classpath: imports are followed here");
				}
				Optional<Path> file = classpathFile(projectRoot, resources, resource.substring(CLASSPATH.length()));
				if (file.isEmpty() && !optional) {
					throw new IllegalArgumentException(document.getName() + " imports " + location
							+ ", which no module of " + projectRoot + " has in src/main/resources");
				}
				file.ifPresent(imported -> all.addAll(withImports(projectRoot, resources, read(imported))));
			}
		}
		return all;
	}

	/** {@code spring.config.import} of one document, written as a comma-separated value or as a list. */
	private static List<String> imports(EnumerablePropertySource<?> document) {
		return Arrays.stream(document.getPropertyNames())
				.filter(key -> key.equals(IMPORT) || key.matches(Pattern.quote(IMPORT) + "\\[\\d+]"))
				.flatMap(key -> Arrays.stream(String.valueOf(document.getProperty(key)).split(",")))
				.map(String::trim).filter(location -> !location.isEmpty()).toList();
	}

	/**
	 * A classpath resource of the module itself, or else of the one library module of the project that has it
	 * (the module's dependencies are not read here, so two libraries with the same file are refused).
	 */
	private static Optional<Path> classpathFile(Path projectRoot, Path resources, String name) {
		Path own = resources.resolve(name);
		if (Files.isRegularFile(own)) {
			return Optional.of(own);
		}
		try (Stream<Path> modules = Files.list(projectRoot)) {
			List<Path> found = modules.map(module -> module.resolve("src/main/resources").resolve(name))
					.filter(Files::isRegularFile).toList();
			if (found.size() > 1) {
				throw new IllegalArgumentException("More than one module has " + name + ": " + found);
			}
			return found.stream().findFirst();
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot list the modules of " + projectRoot, e);
		}
	}

	private static List<EnumerablePropertySource<?>> read(Path file) {
		try {
			return new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file)).stream()
					.<EnumerablePropertySource<?>>map(document -> (EnumerablePropertySource<?>) document).toList();
		} catch (IOException e) {
			throw new IllegalStateException("Cannot read " + file, e);
		}
	}

	/** The documents read, the one that wins on a key first, as in an environment's property sources. */
	List<EnumerablePropertySource<?>> byPrecedence() {
		List<EnumerablePropertySource<?>> winnerFirst = new ArrayList<>(documents);
		Collections.reverse(winnerFirst);
		return winnerFirst;
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
