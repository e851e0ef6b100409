package dev.ftgo.order.order.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.ftgo.web.openapi.ProblemResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The OpenAPI description of the order operations, one annotation per operation for every API version: the
 * versions behave alike, and the schemas that tell them apart come from the controllers' signatures. The 401 of
 * every operation is the service's ({@code web/ApiDocumentation}).
 */
final class OrderOperations {

	private OrderOperations() {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "placeOrder", summary = "Place an order", description = """
			Prices the items from the restaurant's current menu and has consumer-service approve the total. The order \
			starts in APPROVAL_PENDING; the kitchen approves or rejects it asynchronously. With an Idempotency-Key, a \
			retry of the same order gets the first answer and places nothing. Keys are per consumer: a consumer's key \
			names one of its orders in every API version, and the same key from another consumer is unrelated.""",
			parameters = @Parameter(name = OrderEndpoints.IDEMPOTENCY_KEY, in = ParameterIn.HEADER,
					description = "Optional; makes retrying safe: 1 to 128 printable ASCII characters, chosen by the "
							+ "client, one per order; per consumer, so another consumer's keys never clash with it."))
	@ApiResponse(responseCode = "201", description = "Placed, or replayed for an Idempotency-Key the caller already "
			+ "used.",
			useReturnTypeSchema = true, headers = {
				@Header(name = "Location", description = "The order's path.", schema = @Schema(type = "string")),
				@Header(name = OrderEndpoints.IDEMPOTENT_REPLAYED,
						description = "true when the answer is the one an earlier request with the same key got.",
						schema = @Schema(type = "boolean")) })
	@ProblemResponse(status = 400, description = "Malformed JSON, invalid fields (named in errors) or a malformed "
			+ "Idempotency-Key.")
	@ProblemResponse(status = 403, description = "The caller is not the consumer named by consumerId (admins "
			+ "and kitchen staff do not place orders), or consumer-service refused this caller the order's "
			+ "validation.")
	@ProblemResponse(status = 422, description = "Refused (reason says why): unknown restaurant, menu item or "
			+ "consumer, closed restaurant, quantity outside 1..1000, mixed currencies, a menu price its currency "
			+ "cannot represent (12.50 JPY), over the consumer's order limit, suspended consumer; or the caller "
			+ "already used the Idempotency-Key for a different order.")
	@ProblemResponse(status = 502, description = "kitchen-service or consumer-service answered outside its contract.")
	@ProblemResponse(status = 503, description = "A service this one needs, or its database, is unavailable, or "
			+ "a service this one called did not accept the caller's token; Retry-After says when to try again.")
	@interface Place {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "getOrder", summary = "Read an order", description = """
			The order as it is now, with its lines priced as they were when it was placed. An admin reads any order, \
			a consumer only its own.""")
	@ApiResponse(responseCode = "200", description = "The order.", useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = "The order id is not a UUID.")
	@ProblemResponse(status = 403, description = "The caller is neither an admin nor a consumer.")
	@ProblemResponse(status = 404, description = "No such order, or another consumer's.")
	@interface Read {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "listOrders", summary = "List a consumer's orders", description = """
			Newest first, one page at a time (page from 0, size 20 by default; a size over 100 is served 100 at a \
			time). An admin lists any consumer's orders, a consumer only its own.""")
	@ApiResponse(responseCode = "200", description = "One page of orders.", useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = "consumerId missing or not a UUID, page below 0, size below 1 or "
			+ "a parameter that is not a number (named in errors).")
	@ProblemResponse(status = 403, description = "The caller is neither an admin nor the consumer consumerId "
			+ "names.")
	@interface Listing {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "cancelOrder", summary = "Ask to cancel an order", description = """
			Only an APPROVED or ACCEPTED order can be cancelled. The order moves to CANCEL_PENDING until the kitchen \
			agrees (CANCELLED) or refuses because it is already preparing (back to the previous state). Only the \
			consumer who placed the order may cancel it.""")
	@ApiResponse(responseCode = "202", description = "Cancellation requested; the order as it is now.",
			useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = "The order id is not a UUID.")
	@ProblemResponse(status = 403, description = "The caller is not a consumer (admins and kitchen staff do not "
			+ "cancel orders).")
	@ProblemResponse(status = 404, description = "No such order, or another consumer's.")
	@ProblemResponse(status = 409, description = "The order's state does not allow cancelling, or another request "
			+ "changed it at the same time.")
	@interface Cancel {
	}
}
