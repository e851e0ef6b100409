package dev.ftgo.order.consumer;

import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

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

	private final RestClient http;
	private final ResilientCalls calls;

	ConsumerServiceClient(@LoadBalanced RestClient.Builder loadBalanced, ClientSettings settings, ResilientCalls calls,
			BearerTokenRelay relay) {
		this.http = LoadBalancedClients.create(loadBalanced, settings.consumerService(), relay);
		this.calls = calls;
	}

	/** @throws ServiceUnavailableException when consumer-service cannot answer now */
	Verdict validateOrder(ConsumerId consumerId, Money orderTotal) {
		ValidationAnswer answer;
		try {
			answer = calls.once(SERVICE, () -> http.post()
				.uri("/api/v1/consumers/{consumerId}/order-validations", consumerId.value())
				.body(new ValidationRequest(new MoneyJson(orderTotal.amount().toPlainString(),
						orderTotal.currency().getCurrencyCode())))
				.retrieve()
				.body(ValidationAnswer.class));
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
