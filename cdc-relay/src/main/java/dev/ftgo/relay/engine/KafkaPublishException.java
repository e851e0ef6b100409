package dev.ftgo.relay.engine;

/** Kafka did not acknowledge a record of the batch; the engine stops without marking the batch processed. */
class KafkaPublishException extends RuntimeException {

	KafkaPublishException(String message, Throwable cause) {
		super(message, cause);
	}
}
