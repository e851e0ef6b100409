package dev.ftgo.order.consumer;

import java.util.UUID;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import dev.ftgo.order.client.ClientSettings;
import dev.ftgo.order.client.LoadBalancedClients;
import dev.ftgo.order.client.ResilientCalls;
import dev.ftgo.order.client.ServiceUnavailableException;
import dev.ftgo.order.client.UnexpectedAnswerException;
import dev.ftgo.order.order.ConsumerCheck.Verdict;
import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.Money;
import dev.ftgo.security.BearerTokenRelay;

/**
 * Asks consumer-service to validate an order ({@code POST /api/v1/consumers/{id}/order-validations}).
 * Never retried: a POST is not ours to repeat, even though this one happens to change nothing.
 */
@Component
class ConsumerServiceClient {

	static final String SERVICE = "consumer-service";

	/** The part of consumer-service's API that order-service calls. */
	@HttpExchange("/api/v1/consumers")
	interface ConsumerApi {

		@PostExchange("/{consumerId}/order-validations")
		ValidationAnswer validateOrder(@PathVariable UUID consumerId, @RequestBody ValidationRequest request);
	}

	private final ConsumerApi api;
	private final ResilientCalls calls;

	ConsumerServiceClient(@LoadBalanced RestClient.Builder loadBalanced, ClientSettings settings, ResilientCalls calls,
			BearerTokenRelay relay) {
		this.api = LoadBalancedClients.service(ConsumerApi.class, loadBalanced, settings.consumerService(), relay);
		this.calls = calls;
	}

	/** @throws ServiceUnavailableException when consumer-service cannot answer now */
	Verdict validateOrder(ConsumerId consumerId, Money orderTotal) {
		ValidationAnswer answer;
		try {
			answer = calls.once(SERVICE, () -> api.validateOrder(consumerId.value(), new ValidationRequest(
					new MoneyJson(orderTotal.amount().toPlainString(), orderTotal.currency().getCurrencyCode()))));
		}
		catch (HttpClientErrorException.NotFound unknown) {
			return Verdict.unknownConsumer();
		}
		catch (HttpClientErrorException other) {
			throw new UnexpectedAnswerException(SERVICE, "status " + other.getStatusCode().value(), other);
		}
		if (answer == null || answer.approved() == null) {
			throw new UnexpectedAnswerException(SERVICE, "no 'approved' in the validation", null);
		}
		if (answer.approved()) {
			return Verdict.approved();
		}
		return Verdict.refused(answer.reason() == null || answer.reason().isBlank() ? "no reason given" : answer.reason());
	}

	record MoneyJson(String amount, String currency) {
	}

	record ValidationRequest(MoneyJson orderTotal) {
	}

	record ValidationAnswer(Boolean approved, String reason) {
	}
}
