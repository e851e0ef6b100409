package dev.ftgo.consumer.consumer.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.ftgo.web.openapi.ProblemResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The OpenAPI description of the consumer operations, one annotation per operation, so the controllers show the
 * mapping and the access rule rather than pages of documentation. Who may call each one is said in its
 * description and in its 403; the rule itself is the controller's ({@code Caller}). The 401 of every operation is
 * the service's ({@code web/ApiDocumentation}).
 */
final class ConsumerOperations {

	static final String NOT_ADMIN = "The caller is not an admin.";
	static final String NEITHER_ADMIN_NOR_CONSUMER = "The caller is neither an admin nor this consumer.";
	static final String NO_SUCH_CONSUMER = "No such consumer (told only to an admin or the consumer itself).";
	static final String MALFORMED_ID = "The consumer id is not a UUID.";

	private ConsumerOperations() {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "registerConsumer", summary = "Register a consumer", description = """
			Admins only. Without an orderLimit the service's default limit applies. The consumer starts ACTIVE.""")
	@ApiResponse(responseCode = "201", description = "Registered.", useReturnTypeSchema = true,
			headers = @Header(name = "Location", description = "The consumer's path.", schema = @Schema(type = "string")))
	@ProblemResponse(status = 400, description = "Malformed JSON or invalid fields (named in errors).")
	@ProblemResponse(status = 403, description = NOT_ADMIN)
	@interface Register {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "getConsumer", summary = "Read a consumer",
			description = "An admin, or the consumer itself.")
	@ApiResponse(responseCode = "200", description = "The consumer.", useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = MALFORMED_ID)
	@ProblemResponse(status = 403, description = NEITHER_ADMIN_NOR_CONSUMER)
	@ProblemResponse(status = 404, description = NO_SUCH_CONSUMER)
	@interface Read {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "suspendConsumer", summary = "Suspend a consumer", description = """
			Admins only. A suspended consumer's orders are refused until it is reactivated.""")
	@ApiResponse(responseCode = "200", description = "Suspended; the consumer as it is now.", useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = MALFORMED_ID)
	@ProblemResponse(status = 403, description = NOT_ADMIN)
	@ProblemResponse(status = 404, description = NO_SUCH_CONSUMER)
	@ProblemResponse(status = 409, description = "Already suspended, or another request changed the consumer at "
			+ "the same time.")
	@interface Suspend {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "reactivateConsumer", summary = "Reactivate a suspended consumer",
			description = "Admins only.")
	@ApiResponse(responseCode = "200", description = "Active again; the consumer as it is now.",
			useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = MALFORMED_ID)
	@ProblemResponse(status = 403, description = NOT_ADMIN)
	@ProblemResponse(status = 404, description = NO_SUCH_CONSUMER)
	@ProblemResponse(status = 409, description = "Not suspended, or another request changed the consumer at the "
			+ "same time.")
	@interface Reactivate {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "validateOrder", summary = "Check an order total against the consumer", description = """
			An admin, or the consumer itself (order-service calls this with the token of the consumer placing the \
			order). Approved unless the consumer is suspended or the total exceeds its order limit; a refusal is \
			an answer, not an error.""")
	@ApiResponse(responseCode = "200", description = "Approved, or refused with the reason.",
			useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = "The consumer id is not a UUID, malformed JSON or an invalid "
			+ "orderTotal (named in errors).")
	@ProblemResponse(status = 403, description = NEITHER_ADMIN_NOR_CONSUMER)
	@ProblemResponse(status = 404, description = NO_SUCH_CONSUMER)
	@interface ValidateOrder {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "listNotifications", summary = "List a consumer's notifications", description = """
			An admin, or the consumer itself. Newest first, at most limit of them (50 by default, 1 to 200).""")
	@ApiResponse(responseCode = "200", description = "The newest notifications.", useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = "The consumer id is not a UUID, or limit is not a number from 1 to "
			+ "200 (named in errors).")
	@ProblemResponse(status = 403, description = NEITHER_ADMIN_NOR_CONSUMER)
	@ProblemResponse(status = 404, description = NO_SUCH_CONSUMER)
	@interface LatestNotifications {
	}
}
