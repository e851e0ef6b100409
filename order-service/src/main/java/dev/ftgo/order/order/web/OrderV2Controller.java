package dev.ftgo.order.order.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ftgo.order.order.Order;
import dev.ftgo.order.order.OrderService;
import dev.ftgo.order.web.RequestFieldNames;
import dev.ftgo.security.Caller;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

/**
 * The same orders as {@link OrderController} in the v2 representation: {@code status}, {@code items}, money in
 * integer minor units. A breaking change on purpose, so it lives beside v1 instead of replacing it.
 */
@RestController
@RequestMapping(OrderV2Controller.ORDERS)
@Tag(name = "Orders v2", description = "Orders with money as {\"amountMinor\": 1250, \"currency\": \"USD\"}.")
class OrderV2Controller implements RequestFieldNames {

	static final String ORDERS = "/api/v2/orders";
	private static final String V1_LINES = "lineItems";

	private final OrderEndpoints endpoints;

	OrderV2Controller(OrderService orders) {
		this.endpoints = new OrderEndpoints(orders, ORDERS);
	}

	@PostMapping
	@OrderOperations.Place
	ResponseEntity<OrderV2Created> place(@Valid @RequestBody PlaceOrderV2Request request,
			@RequestHeader(name = OrderEndpoints.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			Caller caller) {
		return endpoints.place(request.toCommand(), idempotencyKey, caller,
				orderId -> new OrderV2Created(orderId.toString(), Order.INITIAL_STATE.name()));
	}

	@GetMapping("/{orderId}")
	@OrderOperations.Read
	OrderV2Response get(@PathVariable UUID orderId, Caller caller) {
		return endpoints.get(orderId, caller, OrderV2Response::of);
	}

	@GetMapping
	@OrderOperations.Listing
	OrderPage<OrderV2Response> list(@RequestParam UUID consumerId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) int size, Caller caller) {
		return endpoints.list(consumerId, page, size, caller, OrderV2Response::of);
	}

	@PostMapping("/{orderId}/cancel")
	@OrderOperations.Cancel
	ResponseEntity<OrderV2Response> cancel(@PathVariable UUID orderId, Caller caller) {
		return endpoints.cancel(orderId, caller, OrderV2Response::of);
	}

	/** The domain names the lines {@code lineItems}, as v1 does. */
	@Override
	public String requestField(String domainField) {
		return domainField.startsWith(V1_LINES) ? "items" + domainField.substring(V1_LINES.length()) : domainField;
	}
}
