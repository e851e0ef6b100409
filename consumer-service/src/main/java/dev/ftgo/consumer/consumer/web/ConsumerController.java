package dev.ftgo.consumer.consumer.web;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ftgo.consumer.consumer.ConsumerId;
import dev.ftgo.consumer.consumer.ConsumerService;
import dev.ftgo.consumer.consumer.EmailAddress;
import dev.ftgo.security.Caller;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Each operation checks who calls before anything is loaded: what is refused is refused by the request alone
 * (403), so a 404 tells only those allowed to ask that a consumer does not exist. Spring validates the path and
 * the body before the method runs, so a malformed request is a 400 whoever sends it; that reveals no data.
 */
@RestController
@RequestMapping("/api/v1/consumers")
@Tag(name = "Consumers", description = "Consumers: registration, suspension, order validation and the notifications they received.")
class ConsumerController {

	private final ConsumerService consumers;

	ConsumerController(ConsumerService consumers) {
		this.consumers = consumers;
	}

	@PostMapping
	@ConsumerOperations.Register
	ResponseEntity<ConsumerCreated> register(@Valid @RequestBody RegisterConsumerRequest request, Caller caller) {
		caller.requireAdmin();
		var consumer = consumers.register(request.name().toPersonName(), new EmailAddress(request.email()),
				request.orderLimit() == null ? null : request.orderLimit().toMoney());
		// relative, so it stays right behind the gateway or any other proxy (RFC 9110 §10.2.2)
		return ResponseEntity.created(URI.create("/api/v1/consumers/" + consumer.id()))
				.body(new ConsumerCreated(consumer.id().toString()));
	}

	@GetMapping("/{consumerId}")
	@ConsumerOperations.Read
	ConsumerResponse get(@PathVariable UUID consumerId, Caller caller) {
		caller.requireAdminOrConsumer(consumerId);
		return ConsumerResponse.of(consumers.find(new ConsumerId(consumerId)));
	}

	@PostMapping("/{consumerId}/suspend")
	@ConsumerOperations.Suspend
	ConsumerResponse suspend(@PathVariable UUID consumerId, Caller caller) {
		caller.requireAdmin();
		return ConsumerResponse.of(consumers.suspend(new ConsumerId(consumerId)));
	}

	@PostMapping("/{consumerId}/reactivate")
	@ConsumerOperations.Reactivate
	ConsumerResponse reactivate(@PathVariable UUID consumerId, Caller caller) {
		caller.requireAdmin();
		return ConsumerResponse.of(consumers.reactivate(new ConsumerId(consumerId)));
	}

	/** order-service relays the token of the consumer placing the order, so the consumer itself may ask. */
	@PostMapping("/{consumerId}/order-validations")
	@ConsumerOperations.ValidateOrder
	OrderValidationResponse validateOrder(@PathVariable UUID consumerId,
			@Valid @RequestBody OrderValidationRequest request, Caller caller) {
		caller.requireAdminOrConsumer(consumerId);
		var validation = consumers.validateOrder(new ConsumerId(consumerId), request.orderTotal().toMoney());
		return new OrderValidationResponse(validation.approved(), validation.reason());
	}
}
