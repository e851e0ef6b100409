package dev.ftgo.consumer.consumer;

import static dev.ftgo.consumer.consumer.ConsumerFixtures.ada;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Registering and each status change record the event they cause; releasing hands each over once, carrying the
 * consumer with the version its change is flushed with.
 */
class ConsumerMessagesTest {

	@Test
	void registeringRecordsConsumerRegistered() {
		var consumer = flushedAt(ada(), 0);

		assertThat(consumer.releaseMessages()).containsExactly(
				new ConsumerRegistered(consumer.id(), ConsumerStatus.ACTIVE, consumer.orderLimit(), 0));
	}

	@Test
	void eachStatusChangeRecordsItsEventWithTheVersionOfThatChange() {
		var consumer = flushedAt(ada(), 0);
		consumer.releaseMessages();

		consumer.suspend();
		assertThat(flushedAt(consumer, 1).releaseMessages()).containsExactly(
				new ConsumerSuspended(consumer.id(), ConsumerStatus.SUSPENDED, consumer.orderLimit(), 1));

		consumer.reactivate();
		assertThat(flushedAt(consumer, 2).releaseMessages()).containsExactly(
				new ConsumerReactivated(consumer.id(), ConsumerStatus.ACTIVE, consumer.orderLimit(), 2));
	}

	@Test
	void releasedMessagesAreForgotten() {
		var consumer = flushedAt(ada(), 0);
		consumer.releaseMessages();

		assertThat(consumer.releaseMessages()).isEmpty();
	}

	@Test
	void aRefusedChangeRecordsNothing() {
		var consumer = flushedAt(ada(), 0);
		consumer.releaseMessages();

		assertThatExceptionOfType(IllegalConsumerStateException.class).isThrownBy(consumer::reactivate);

		assertThat(consumer.releaseMessages()).isEmpty();
	}

	@Test
	void refusesToReleaseBeforeTheNewConsumerHasAVersion() {
		var consumer = ada();

		assertThatIllegalStateException().isThrownBy(consumer::releaseMessages).withMessageContaining("flushed");
	}

	/** What JPA does to the version when it flushes the change. */
	private static Consumer flushedAt(Consumer consumer, long version) {
		ReflectionTestUtils.setField(consumer, "version", version);
		return consumer;
	}
}
