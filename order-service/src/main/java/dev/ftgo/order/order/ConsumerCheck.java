package dev.ftgo.order.order;

/**
 * Asks the consumer's side (consumer-service, or what this service knows of it when consumer-service
 * cannot answer) whether a consumer may place an order of a given total. An implementation that cannot
 * get an answer now throws an unchecked exception of its own.
 */
public interface ConsumerCheck {

	Verdict validateOrder(ConsumerId consumerId, Money orderTotal);

	/** {@code reason} says why, unless approved. */
	record Verdict(Outcome outcome, String reason) {

		public enum Outcome {
			APPROVED, REFUSED, UNKNOWN_CONSUMER
		}

		public static Verdict approved() {
			return new Verdict(Outcome.APPROVED, null);
		}

		public static Verdict refused(String reason) {
			return new Verdict(Outcome.REFUSED, reason);
		}

		public static Verdict unknownConsumer() {
			return new Verdict(Outcome.UNKNOWN_CONSUMER, null);
		}
	}
}
