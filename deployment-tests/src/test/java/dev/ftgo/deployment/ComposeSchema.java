package dev.ftgo.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Compose Specification's JSON schema, vendored under {@code compose-spec/} (origin and licence in its
 * README). Validates the parsed file, so that anchors and merge keys are resolved first, as Compose does.
 */
final class ComposeSchema {

	private static final String RESOURCE = "/compose-spec/compose-spec.json";

	private final Schema schema;

	private ComposeSchema(Schema schema) {
		this.schema = schema;
	}

	static ComposeSchema load() {
		try (InputStream in = ComposeSchema.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + RESOURCE);
			}
			JsonNode schema = JsonMapper.shared().readTree(in);
			removeLegacyIds(schema);
			// the schema declares its draft ($schema: 2019-09); the default only applies to one that does not
			return new ComposeSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(schema));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The schema still carries draft-04 {@code "id": "#/definitions/..."} members beside its 2019-09
	 * {@code $schema}. Draft 2019-09 has no {@code id} keyword and ignores them, but the validator refuses
	 * them, so they are dropped: the validation is the same. A property definition named {@code id} would
	 * be an object, not a string, and stays.
	 */
	private static void removeLegacyIds(JsonNode node) {
		if (node instanceof ObjectNode object && object.path("id").isString()) {
			object.remove("id");
		}
		node.forEach(ComposeSchema::removeLegacyIds);
	}

	/** One line per violation: where in the file, and what. */
	List<String> violations(ComposeFile compose) {
		return schema.validate(JsonMapper.shared().valueToTree(compose.root())).stream().map(Error::toString).toList();
	}
}
