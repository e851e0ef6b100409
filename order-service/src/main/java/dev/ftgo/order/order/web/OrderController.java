package dev.ftgo.order.order.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.IdempotencyKey;
import dev.ftgo.order.order.Order;
import dev.ftgo.order.order.OrderId;
import dev.ftgo.order.order.OrderService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";
	/** Larger requests are served this many at a time rather than refused. */
	static final int MAX_PAGE_SIZE = 100;

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	/**
	 * Places an order. A retry with the same {@code Idempotency-Key} and body gets the same answer
	 * (marked {@code Idempotent-Replayed: true}) and no second order.
	 */
	@PostMapping
	ResponseEntity<OrderCreated> place(@Valid @RequestBody PlaceOrderRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
		var key = idempotencyKey == null ? null : new IdempotencyKey(idempotencyKey);
		var placed = orders.place(request.toCommand(), key);
		var orderId = placed.order().id().toString();
		// relative, so it stays right behind the gateway or any other proxy (RFC 9110 §10.2.2)
		return ResponseEntity.created(URI.create("/api/v1/orders/" + orderId))
				.header("Idempotent-Replayed", Boolean.toString(placed.replayed()))
				// the creation answer, also on a replay: the current state is what GET is for
				.body(new OrderCreated(orderId, Order.INITIAL_STATE.name()));
	}

	@GetMapping("/{orderId}")
	OrderResponse get(@PathVariable UUID orderId) {
		return OrderResponse.of(orders.find(new OrderId(orderId)));
	}

	@GetMapping
	OrderPage list(@RequestParam UUID consumerId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) int size) {
		return OrderPage.of(orders.findByConsumer(new ConsumerId(consumerId), page, Math.min(size, MAX_PAGE_SIZE)));
	}

	@PostMapping("/{orderId}/cancel")
	ResponseEntity<OrderResponse> cancel(@PathVariable UUID orderId) {
		var order = orders.requestCancellation(new OrderId(orderId));
		// accepted, not done: the kitchen still has to agree
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(OrderResponse.of(order));
	}
}
