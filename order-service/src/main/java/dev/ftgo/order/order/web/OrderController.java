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
import dev.ftgo.security.Caller;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

/** The orders in the v1 representation: {@code state}, {@code lineItems}, money as a decimal string. */
@RestController
@RequestMapping(OrderController.ORDERS)
@Tag(name = "Orders v1", description = "Orders with money as {\"amount\": \"12.50\", \"currency\": \"USD\"}.")
class OrderController {

	static final String ORDERS = "/api/v1/orders";

	private final OrderEndpoints endpoints;

	OrderController(OrderService orders) {
		this.endpoints = new OrderEndpoints(orders, ORDERS);
	}

	@PostMapping
	@OrderOperations.Place
	ResponseEntity<OrderCreated> place(@Valid @RequestBody PlaceOrderRequest request,
			@RequestHeader(name = OrderEndpoints.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			Caller caller) {
		return endpoints.place(request.toCommand(), idempotencyKey, caller,
				orderId -> new OrderCreated(orderId.toString(), Order.INITIAL_STATE.name()));
	}

	@GetMapping("/{orderId}")
	@OrderOperations.Read
	OrderResponse get(@PathVariable UUID orderId, Caller caller) {
		return endpoints.get(orderId, caller, OrderResponse::of);
	}

	@GetMapping
	@OrderOperations.Listing
	OrderPage<OrderResponse> list(@RequestParam UUID consumerId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) int size, Caller caller) {
		return endpoints.list(consumerId, page, size, caller, OrderResponse::of);
	}

	@PostMapping("/{orderId}/cancel")
	@OrderOperations.Cancel
	ResponseEntity<OrderResponse> cancel(@PathVariable UUID orderId, Caller caller) {
		return endpoints.cancel(orderId, caller, OrderResponse::of);
	}
}
