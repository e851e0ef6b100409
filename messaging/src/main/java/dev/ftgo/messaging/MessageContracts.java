package dev.ftgo.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer's side of the message contracts: each message type's JSON Schema (draft 2020-12), owned by the
 * service that sends it, at {@value #LOCATION}{@code <Type>.schema.json} on that service's classpath, and
 * {@code <Type>.v<N>.schema.json} for a later MAJOR version {@code N} published beside it. The
 * {@code schemaVersion} header names the MAJOR version a message follows, so it picks the schema.
 *
 * <p>With {@code ftgo.messaging.validate-outgoing=true} the {@link OutboxWriter} checks every message against
 * its schema before writing it, so that a test fails as soon as a producer sends what its contract does not
 * allow. Formats ({@code uuid}, {@code date-time}) are asserted, not only annotated.
 */
public final class MessageContracts {

	/** The classpath folder of the schemas. */
	public static final String LOCATION = "contracts/messages/";

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private final ClassLoader classLoader;
	private final Map<String, Schema> loaded = new ConcurrentHashMap<>();

	public MessageContracts(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/** The contracts on the classpath this library was loaded from, the application's. */
	public static MessageContracts onClasspath() {
		return new MessageContracts(MessageContracts.class.getClassLoader());
	}

	/**
	 * @throws IllegalArgumentException when the message has no {@code schemaVersion}, when there is no schema for
	 *     its type and version, or when the payload violates it; the message names the type, the schema and
	 *     every violation
	 */
	public void check(Message message, JsonNode payload) {
		String version = message.headers().schemaVersion();
		if (version == null || version.isBlank()) {
			throw new IllegalArgumentException("Message " + message.type() + " to " + message.destination()
					+ " has no schemaVersion header: every message names the MAJOR version of its schema");
		}
		String resource = resourceName(message.type(), version);
		Schema schema = loaded.computeIfAbsent(resource, this::load);
		List<String> violations = violations(schema, payload);
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException("Message " + message.type() + " (schemaVersion " + version + ") to "
					+ message.destination() + " violates its schema classpath:" + resource + ": "
					+ String.join("; ", violations) + "; payload: " + payload);
		}
	}

	/** Where the schema of {@code type} in MAJOR version {@code schemaVersion} is on the classpath. */
	public static String resourceName(String type, String schemaVersion) {
		if (!schemaVersion.matches("[1-9][0-9]*")) {
			throw new IllegalArgumentException("schemaVersion is the schema's MAJOR version, a positive number, not \""
					+ schemaVersion + "\" (message " + type + ")");
		}
		return LOCATION + type + (schemaVersion.equals("1") ? "" : ".v" + schemaVersion) + ".schema.json";
	}

	/** One line per violation of {@code schema} by {@code instance}: where, and what; empty when it is valid. */
	public static List<String> violations(JsonNode schema, JsonNode instance) {
		return violations(SCHEMAS.getSchema(schema), instance);
	}

	/** The {@code examples} of a schema file, in their order: for tests that read them as a consumer would. */
	public static List<JsonNode> examples(Path schemaFile) {
		try {
			JsonNode schema = JsonMapper.shared().readTree(Files.readString(schemaFile));
			return new ArrayList<>(schema.path("examples").values());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the schema " + schemaFile.toAbsolutePath().normalize(), e);
		}
	}

	private static List<String> violations(Schema schema, JsonNode instance) {
		return schema.validate(instance).stream().map(Error::toString).toList();
	}

	private Schema load(String resource) {
		try (InputStream in = classLoader.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No schema classpath:" + resource + ": a message type needs one"
						+ " before it is sent (docs/messaging.md)");
			}
			return SCHEMAS.getSchema(JsonMapper.shared().readTree(in));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the schema classpath:" + resource, e);
		}
	}
}
