package dev.ftgo.relay.deadletters;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;

/** Waits for Kafka to acknowledge a send, turning every way it can fail into {@link DeadLettersUnavailableException}. */
final class Sending {

	private Sending() {
	}

	static RecordMetadata await(Future<RecordMetadata> send, Duration timeout, String what) {
		try {
			return send.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException e) {
			throw new DeadLettersUnavailableException("Kafka refused " + what + ": " + e.getCause().getMessage(), e.getCause());
		}
		catch (TimeoutException e) {
			throw new DeadLettersUnavailableException("Kafka did not acknowledge " + what + " within " + timeout, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new DeadLettersUnavailableException("Interrupted while " + what, e);
		}
	}
}
