package dev.ftgo.consumer.consumer.web;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ftgo.consumer.consumer.ConsumerId;
import dev.ftgo.consumer.consumer.ConsumerNotifications;
import dev.ftgo.security.Caller;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/v1/consumers/{consumerId}/notifications")
@Tag(name = "Consumers", description = "Consumers: registration, suspension, order validation and the notifications they received.")
class NotificationController {

	private final ConsumerNotifications notifications;

	NotificationController(ConsumerNotifications notifications) {
		this.notifications = notifications;
	}

	/** The consumer's newest notifications first; {@code limit} says how many at most. */
	@GetMapping
	@ConsumerOperations.LatestNotifications
	NotificationsResponse latest(@PathVariable UUID consumerId,
			@RequestParam(defaultValue = "" + ConsumerNotifications.DEFAULT_LIMIT) @Min(1) @Max(ConsumerNotifications.MAX_LIMIT) int limit,
			Caller caller) {
		caller.requireAdminOrConsumer(consumerId);
		return NotificationsResponse.of(notifications.latest(new ConsumerId(consumerId), limit));
	}
}
