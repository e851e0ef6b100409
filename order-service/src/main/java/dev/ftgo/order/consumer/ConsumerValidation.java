package dev.ftgo.order.consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.ftgo.order.client.ServiceUnavailableException;
import dev.ftgo.order.client.TokenRefusedException;
import dev.ftgo.order.order.ConsumerCheck;
import dev.ftgo.order.order.ConsumerId;
import dev.ftgo.order.order.Money;

/**
 * Validates orders with consumer-service, and with the local {@link ConsumerReplica} when consumer-service
 * cannot answer (down, slow, breaker open, bulkhead full). The service stays the authority whenever it
 * answers: the replica may lag behind it by a few events, which is an acceptable price for taking orders
 * during an outage but not otherwise. A consumer the replica does not know, or whose status it cannot
 * judge, is still a 503: refusing would be wrong and accepting unchecked too generous. A consumer-service that
 * answers but refuses the relayed token or the caller is not unavailable: that answer stands (403, or 503 for the
 * token, see {@link TokenRefusedException}).
 */
@Component
class ConsumerValidation implements ConsumerCheck {

	private static final Logger log = LoggerFactory.getLogger(ConsumerValidation.class);

	private final ConsumerServiceClient consumerService;
	private final ConsumerReplica replica;

	ConsumerValidation(ConsumerServiceClient consumerService, ConsumerReplica replica) {
		this.consumerService = consumerService;
		this.replica = replica;
	}

	@Override
	public Verdict validateOrder(ConsumerId consumerId, Money orderTotal) {
		try {
			return consumerService.validateOrder(consumerId, orderTotal);
		}
		catch (TokenRefusedException answered) {
			// consumer-service is up and answered; a replica standing in would hide a broken token relay
			throw answered;
		}
		catch (ServiceUnavailableException unavailable) {
			var verdict = replica.find(consumerId).flatMap(consumer -> consumer.validate(orderTotal))
				.orElseThrow(() -> unavailable);
			log.info("{}; validated the order of consumer {} with the replica instead: {}", unavailable.getMessage(),
					consumerId, verdict.outcome());
			return verdict;
		}
	}
}
