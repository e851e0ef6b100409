package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The message catalogue of the whole repository, checked where it is written: every producer's schemas
 * ({@code <module>/src/main/resources/contracts/messages}), docs/asyncapi.yaml and docs/messaging.md. The
 * schemas are read from the source tree, so this needs no service on the classpath.
 */
class MessageCatalogueTest {

	private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
	private static final Path ASYNCAPI = ROOT.resolve("docs/asyncapi.yaml");
	private static final String SCHEMA_SUFFIX = ".schema.json";
	private static final Schema META_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

	static List<Path> schemaFiles() {
		try (Stream<Path> modules = Files.list(ROOT)) {
			var files = new ArrayList<Path>();
			for (Path folder : modules.map(module -> module.resolve("src/main/resources/contracts/messages"))
					.filter(Files::isDirectory).toList()) {
				try (Stream<Path> schemas = Files.list(folder)) {
					schemas.filter(file -> file.getFileName().toString().endsWith(SCHEMA_SUFFIX)).forEach(files::add);
				}
			}
			return files.stream().sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void findsTheSchemasOfEveryProducer() {
		assertThat(schemaFiles()).extracting(file -> ROOT.relativize(file).getName(0).toString())
				.containsOnly("consumer-service", "order-service", "kitchen-service")
				.contains("consumer-service", "order-service", "kitchen-service");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schemaFiles")
	void isAValidSchemaNamedAfterItsType(Path file) {
		var schema = read(file);
		var type = type(file);

		assertThat(META_SCHEMA.validate(schema)).as("violations of the 2020-12 meta-schema").isEmpty();
		assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertThat(schema.path("$id").asString()).isEqualTo("https://ftgo.dev/contracts/messages/v1/" + type + SCHEMA_SUFFIX);
		assertThat(schema.path("title").asString()).isEqualTo(type);
		assertThat(schema.path("description").asString()).isNotBlank();
		assertThat(undescribedProperties(schema, "")).as("properties without a description").isEmpty();
		assertThat(closedObjects(schema, "")).as("tolerant reader: no additionalProperties").isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("schemaFiles")
	void documentsACompleteAnExtendedAndAMinimalExample(Path file) {
		var schema = read(file);
		var examples = MessageContracts.examples(file);

		assertThat(examples).hasSize(3);
		for (int i = 0; i < examples.size(); i++) {
			assertThat(MessageContracts.violations(schema, examples.get(i))).as("example " + i).isEmpty();
		}
		var complete = examples.get(0);
		var extended = examples.get(1);
		var minimal = examples.get(2);
		assertThat(undeclaredFields(schema, schema, complete, "")).as("the complete example names only schema fields").isEmpty();
		assertThat(undeclaredFields(schema, schema, extended, "")).as("the extended example has a field the schema does not name")
				.isNotEmpty();
		assertThat(optionalFields(schema, schema, minimal, "")).as("the minimal example has only required fields").isEmpty();
		assertThat(optionalFields(schema, schema, complete, ""))
				.as("the complete example has every optional field")
				.containsExactlyInAnyOrderElementsOf(declaredOptionalFields(schema, schema, complete, ""));
	}

	@Test
	void asyncApiNamesEveryMessageTypeWithItsProducersSchemaAndNoOther() {
		var asyncapi = new YAMLMapper().readTree(ASYNCAPI.toFile());
		Map<String, Path> referenced = new TreeMap<>();
		asyncapi.path("components").path("messages").forEachEntry((id, message) -> {
			var ref = message.path("payload").path("schema").path("$ref");
			if (ref.isString()) {
				var file = ASYNCAPI.getParent().resolve(ref.asString()).normalize();
				assertThat(file).as(id).exists();
				assertThat(read(file).path("title").asString()).as(id).isEqualTo(message.path("name").asString());
				assertThat(message.path("payload").path("schemaFormat").asString())
						.isEqualTo("application/schema+json;version=2020-12");
				referenced.put(message.path("name").asString(), file);
			}
		});

		Map<String, Path> schemas = new TreeMap<>();
		schemaFiles().forEach(file -> schemas.put(type(file), file.normalize()));
		assertThat(referenced).isEqualTo(schemas);
	}

	@Test
	void theCatalogueInMessagingMdNamesEveryType() throws IOException {
		var catalogue = Files.readString(ROOT.resolve("docs/messaging.md"));

		assertThat(schemaFiles()).allSatisfy(file -> assertThat(catalogue).contains("`" + type(file) + "`"));
	}

	private static String type(Path file) {
		var name = file.getFileName().toString();
		return name.substring(0, name.length() - SCHEMA_SUFFIX.length());
	}

	private static JsonNode read(Path file) {
		try {
			return JsonMapper.shared().readTree(Files.readString(file));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The object schema that {@code schema} is, following a local {@code $ref}. */
	private static JsonNode resolve(JsonNode root, JsonNode schema) {
		var ref = schema.path("$ref");
		return ref.isString() ? root.at(ref.asString().substring(1)) : schema;
	}

	private static List<String> undescribedProperties(JsonNode schema, String path) {
		var missing = new ArrayList<String>();
		schema.path("properties").forEachEntry((name, property) -> {
			if (!property.path("description").isString()) {
				missing.add(path + "/" + name);
			}
			missing.addAll(undescribedProperties(property, path + "/" + name));
			missing.addAll(undescribedProperties(property.path("items"), path + "/" + name + "[]"));
		});
		schema.path("$defs").forEachEntry((name, definition) -> missing.addAll(undescribedProperties(definition, "$defs/" + name)));
		return missing;
	}

	private static List<String> closedObjects(JsonNode node, String path) {
		var closed = new ArrayList<String>();
		if (node.isObject()) {
			if (node.has("additionalProperties") || node.has("unevaluatedProperties")) {
				closed.add(path);
			}
			node.forEachEntry((name, child) -> {
				if (!name.equals("examples")) {
					closed.addAll(closedObjects(child, path + "/" + name));
				}
			});
		}
		return closed;
	}

	/** The fields of {@code instance} that {@code schema} does not declare, at any depth. */
	private static List<String> undeclaredFields(JsonNode root, JsonNode schema, JsonNode instance, String path) {
		return walk(root, schema, instance, path, (declared, required, name) -> declared == null);
	}

	/** The declared but not required fields {@code instance} has, at any depth. */
	private static List<String> optionalFields(JsonNode root, JsonNode schema, JsonNode instance, String path) {
		return walk(root, schema, instance, path, (declared, required, name) -> declared != null && !required);
	}

	/** The optional fields declared on the objects {@code instance} has, whether present or not. */
	private static List<String> declaredOptionalFields(JsonNode root, JsonNode schema, JsonNode instance, String path) {
		var fields = new ArrayList<String>();
		var object = resolve(root, schema);
		if (instance.isObject()) {
			object.path("properties").forEachEntry((name, property) -> {
				if (!isRequired(object, name)) {
					fields.add(path + "/" + name);
				}
				if (instance.has(name)) {
					fields.addAll(declaredOptionalFields(root, property, instance.get(name), path + "/" + name));
				}
			});
		}
		else if (instance.isArray()) {
			for (int i = 0; i < instance.size(); i++) {
				fields.addAll(declaredOptionalFields(root, object.path("items"), instance.get(i), path + "/" + i));
			}
		}
		return fields;
	}

	private interface FieldTest {
		boolean matches(JsonNode declared, boolean required, String name);
	}

	private static List<String> walk(JsonNode root, JsonNode schema, JsonNode instance, String path, FieldTest test) {
		var found = new ArrayList<String>();
		var object = resolve(root, schema);
		if (instance.isObject()) {
			instance.forEachEntry((name, value) -> {
				var declared = object.path("properties").get(name);
				if (test.matches(declared, isRequired(object, name), name)) {
					found.add(path + "/" + name);
				}
				if (declared != null) {
					found.addAll(walk(root, declared, value, path + "/" + name, test));
				}
			});
		}
		else if (instance.isArray()) {
			for (int i = 0; i < instance.size(); i++) {
				found.addAll(walk(root, object.path("items"), instance.get(i), path + "/" + i, test));
			}
		}
		return found;
	}

	private static boolean isRequired(JsonNode object, String name) {
		return object.path("required").valueStream().anyMatch(required -> required.asString().equals(name));
	}
}
