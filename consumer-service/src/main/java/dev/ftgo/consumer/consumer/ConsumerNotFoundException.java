package dev.ftgo.consumer.consumer;

public class ConsumerNotFoundException extends RuntimeException {

	ConsumerNotFoundException(ConsumerId id) {
		super("No consumer with id " + id);
	}
}
