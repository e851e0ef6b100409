package dev.ftgo.consumer.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ConsumerTest {

	private static Consumer consumerWithLimit(String amount) {
		return Consumer.register(new PersonName("Ada", "Lovelace"), new EmailAddress("ada@example.com"),
				Money.of(amount, "USD"), Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void startsActive() {
		assertThat(consumerWithLimit("500.00").status()).isEqualTo(ConsumerStatus.ACTIVE);
	}

	@Test
	void suspendsAndReactivates() {
		var consumer = consumerWithLimit("500.00");

		consumer.suspend();
		assertThat(consumer.status()).isEqualTo(ConsumerStatus.SUSPENDED);

		consumer.reactivate();
		assertThat(consumer.status()).isEqualTo(ConsumerStatus.ACTIVE);
	}

	@Test
	void refusesToSuspendTwiceOrReactivateAnActiveConsumer() {
		var consumer = consumerWithLimit("500.00");
		assertThatExceptionOfType(IllegalConsumerStateException.class).isThrownBy(consumer::reactivate);

		consumer.suspend();
		assertThatExceptionOfType(IllegalConsumerStateException.class).isThrownBy(consumer::suspend);
	}

	@Test
	void approvesOrdersUpToAndIncludingTheLimit() {
		var consumer = consumerWithLimit("100.00");

		assertThat(consumer.validateOrder(Money.of("100.00", "USD")).approved()).isTrue();
		assertThat(consumer.validateOrder(Money.of("0.01", "USD")).approved()).isTrue();
	}

	@Test
	void rejectsOrderOverConsumerLimit() {
		var validation = consumerWithLimit("100.00").validateOrder(Money.of("100.01", "USD"));

		assertThat(validation.approved()).isFalse();
		assertThat(validation.reason()).contains("100.01 USD").contains("100.00 USD");
	}

	@Test
	void rejectsOrdersOfSuspendedConsumers() {
		var consumer = consumerWithLimit("100.00");
		consumer.suspend();

		var validation = consumer.validateOrder(Money.of("1.00", "USD"));

		assertThat(validation.approved()).isFalse();
		assertThat(validation.reason()).isEqualTo("Consumer is suspended");
	}

	@Test
	void rejectsOrdersInAnotherCurrency() {
		var validation = consumerWithLimit("100.00").validateOrder(Money.of("1.00", "EUR"));

		assertThat(validation.approved()).isFalse();
		assertThat(validation.reason()).contains("EUR");
	}

	@Test
	void valueObjectsRefuseGarbage() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("not-an-email"));
		assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("a@b"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonName(" ", "Lovelace"));
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonName("A".repeat(101), "Lovelace"));
		assertThat(new PersonName("  Ada ", "Lovelace").firstName()).isEqualTo("Ada");
	}
}
