package dev.ftgo.consumer.consumer.web;

import java.time.Instant;
import java.util.List;

import dev.ftgo.consumer.consumer.Notification;

import io.swagger.v3.oas.annotations.media.Schema;

record NotificationsResponse(List<Item> notifications) {

	/** {@code orderId} is {@code null} for a notification about no particular order. */
	@Schema(name = "Notification")
	record Item(String notificationId, String orderId, String subject, String message, Instant receivedAt) {
	}

	static NotificationsResponse of(List<Notification> notifications) {
		return new NotificationsResponse(notifications.stream()
				.map(notification -> new Item(notification.id().toString(),
						notification.orderId().map(Object::toString).orElse(null), notification.subject(),
						notification.message(), notification.receivedAt()))
				.toList());
	}
}
