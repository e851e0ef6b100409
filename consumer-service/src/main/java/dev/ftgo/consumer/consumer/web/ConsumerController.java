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
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/v1/consumers")
class ConsumerController {

	private final ConsumerService consumers;

	ConsumerController(ConsumerService consumers) {
		this.consumers = consumers;
	}

	@PostMapping
	ResponseEntity<ConsumerCreated> register(@Valid @RequestBody RegisterConsumerRequest request) {
		var consumer = consumers.register(request.name().toPersonName(), new EmailAddress(request.email()),
				request.orderLimit() == null ? null : request.orderLimit().toMoney());
		// relative, so it stays right behind the gateway or any other proxy (RFC 9110 §10.2.2)
		return ResponseEntity.created(URI.create("/api/v1/consumers/" + consumer.id()))
				.body(new ConsumerCreated(consumer.id().toString()));
	}

	@GetMapping("/{consumerId}")
	ConsumerResponse get(@PathVariable UUID consumerId) {
		return ConsumerResponse.of(consumers.find(new ConsumerId(consumerId)));
	}

	@PostMapping("/{consumerId}/suspend")
	ConsumerResponse suspend(@PathVariable UUID consumerId) {
		return ConsumerResponse.of(consumers.suspend(new ConsumerId(consumerId)));
	}

	@PostMapping("/{consumerId}/reactivate")
	ConsumerResponse reactivate(@PathVariable UUID consumerId) {
		return ConsumerResponse.of(consumers.reactivate(new ConsumerId(consumerId)));
	}

	@PostMapping("/{consumerId}/order-validations")
	OrderValidationResponse validateOrder(@PathVariable UUID consumerId,
			@Valid @RequestBody OrderValidationRequest request) {
		var validation = consumers.validateOrder(new ConsumerId(consumerId), request.orderTotal().toMoney());
		return new OrderValidationResponse(validation.approved(), validation.reason());
	}
}
