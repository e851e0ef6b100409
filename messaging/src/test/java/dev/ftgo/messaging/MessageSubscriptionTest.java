package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MessageSubscriptionTest {

	private final MessageSubscription subscription = MessageSubscription.to("order.events")
		.on("OrderCancellationRequested", String.class, (payload, message) -> {
		})
		.skipping("OrderCreated", "OrderApproved");

	@Test
	void tellsHandledSkippedAndUnknownTypesApart() {
		assertThat(subscription.payloadType("OrderCancellationRequested")).contains(String.class);
		assertThat(subscription.skips("OrderCreated")).isTrue();
		assertThat(subscription.payloadType("OrderCreated")).isEmpty();
		assertThat(subscription.skips("OrderTeleported")).isFalse();
		assertThat(subscription.payloadType("OrderTeleported")).isEmpty();
	}

	@Test
	void refusesToSkipAHandledType() {
		assertThatIllegalArgumentException().isThrownBy(() -> subscription.skipping("OrderCancellationRequested"))
			.withMessageContaining("OrderCancellationRequested on order.events");
	}

	@Test
	void refusesToHandleASkippedType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> subscription.on("OrderApproved", String.class, (payload, message) -> {
			}))
			.withMessageContaining("OrderApproved on order.events");
	}
}
