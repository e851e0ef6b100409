package dev.ftgo.web.openapi;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a service's OpenAPI documents say alike of every operation, declared once per service as a bean: the schema
 * of its problem answers, the bearer token every operation needs and the problems every operation may answer (401
 * without a valid token). web-support applies it to every document springdoc serves, the default one and each
 * group ({@link OpenApiDocumentationAutoConfiguration}); an operation's own problems are its
 * {@link ProblemResponse}s.
 *
 * <p>The problem schema is the service's own type, a record annotated with springdoc's {@code @Schema}: the members
 * a service adds to RFC 9457's, such as why an order was refused, are part of its API.
 */
public final class OpenApiDocumentation {

	/** Where a document says that the bearer token is needed. */
	public enum Requirement {
		/** Once, in the document's top-level {@code security}, which holds for every operation. */
		DOCUMENT,
		/** In the {@code security} of each operation. */
		EACH_OPERATION
	}

	/**
	 * The name of the bearer token's scheme in {@code components.securitySchemes}, the same in every service's
	 * documents, so that a client generated from one of them reads the others' alike.
	 */
	public static final String BEARER_SCHEME = "bearerAuth";

	/** What the scheme says of the token, and where it is required. */
	record BearerToken(String description, Requirement requirement) {
	}

	private final Class<?> problemSchema;
	private final BearerToken bearerToken;
	private final Map<Integer, String> everyOperation;

	private OpenApiDocumentation(Class<?> problemSchema, BearerToken bearerToken, Map<Integer, String> everyOperation) {
		this.problemSchema = Objects.requireNonNull(problemSchema, "problemSchema");
		this.bearerToken = bearerToken;
		this.everyOperation = Collections.unmodifiableMap(new TreeMap<>(everyOperation));
	}

	/** Problems documented with {@code problemSchema}, the type springdoc makes the {@code Problem} schema of. */
	public static OpenApiDocumentation problemsAs(Class<?> problemSchema) {
		return new OpenApiDocumentation(problemSchema, null, Map.of());
	}

	/** Every operation needs a bearer JWT, declared as the HTTP bearer scheme {@value #BEARER_SCHEME}. */
	public OpenApiDocumentation bearerToken(String description, Requirement requirement) {
		return new OpenApiDocumentation(problemSchema, new BearerToken(description, requirement), everyOperation);
	}

	/** Every operation may answer the problem {@code status}; an operation's own {@link ProblemResponse} overrides it. */
	public OpenApiDocumentation everyOperationAnswers(int status, String description) {
		var problems = new TreeMap<>(everyOperation);
		problems.put(status, description);
		return new OpenApiDocumentation(problemSchema, bearerToken, problems);
	}

	Class<?> problemSchema() {
		return problemSchema;
	}

	/** Null when the service documents no token. */
	BearerToken bearerTokenOrNull() {
		return bearerToken;
	}

	Map<Integer, String> everyOperation() {
		return everyOperation;
	}
}
