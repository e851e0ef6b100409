package dev.ftgo.consumer.consumer.web;

import dev.ftgo.consumer.consumer.Consumer;
import dev.ftgo.consumer.web.MoneyJson;

import io.swagger.v3.oas.annotations.media.Schema;

record ConsumerResponse(String consumerId, Name name, String email, MoneyJson orderLimit, String status) {

	@Schema(name = "ConsumerName")
	record Name(String firstName, String lastName) {
	}

	static ConsumerResponse of(Consumer consumer) {
		return new ConsumerResponse(consumer.id().toString(),
				new Name(consumer.name().firstName(), consumer.name().lastName()), consumer.email().value(),
				MoneyJson.of(consumer.orderLimit()), consumer.status().name());
	}
}
