package dev.ftgo.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.cloud.netflix.eureka.EurekaHealthCheckHandler;
import org.springframework.cloud.netflix.eureka.serviceregistry.EurekaAutoServiceRegistration;

class DeregisterBeforeShutdownTest {

	private static final Duration DRAIN = Duration.ofSeconds(2);

	private final EurekaAutoServiceRegistration registration = mock(EurekaAutoServiceRegistration.class);
	private final EurekaHealthCheckHandler healthCheck = mock(EurekaHealthCheckHandler.class);

	private DeregisterBeforeShutdown lifecycle(boolean registered) {
		var beans = new StaticListableBeanFactory();
		if (registered) {
			beans.addBean("registration", registration);
			beans.addBean("healthCheck", healthCheck);
		}
		return new DeregisterBeforeShutdown(beans.getBeanProvider(EurekaAutoServiceRegistration.class),
				beans.getBeanProvider(EurekaHealthCheckHandler.class), new DeregisterBeforeShutdown.Settings(DRAIN));
	}

	@Test
	void stopsBeforeTheWebServersGracefulShutdown() {
		assertThat(lifecycle(true).getPhase()).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
	}

	@Test
	void leavesEurekaThenLetsTheShutdownGoOnOnlyAfterTheDrainDelay() {
		when(registration.isRunning()).thenReturn(true);
		var lifecycle = lifecycle(true);
		lifecycle.start();
		var goOn = new CountDownLatch(1);

		lifecycle.stop(goOn::countDown);

		var order = inOrder(healthCheck, registration);
		order.verify(healthCheck).stop();
		order.verify(registration).stop();
		assertThat(goOn.getCount()).as("shutdown held for the drain delay").isEqualTo(1);
		assertThat(lifecycle.isRunning()).isFalse();
		await().atMost(DRAIN.multipliedBy(5)).until(() -> goOn.getCount() == 0);
	}

	@Test
	void drainsAlsoWhenSpringCloudAlreadyMarkedTheInstanceDownOnContextClose() {
		when(registration.isRunning()).thenReturn(false);
		var lifecycle = lifecycle(true);
		lifecycle.start();
		var goOn = new CountDownLatch(1);

		lifecycle.stop(goOn::countDown);

		verify(registration, never()).stop();
		assertThat(goOn.getCount()).as("shutdown held for the drain delay").isEqualTo(1);
		await().atMost(DRAIN.multipliedBy(5)).until(() -> goOn.getCount() == 0);
	}

	@Test
	void letsTheShutdownGoOnAtOnceWhenNotRegistered() {
		var lifecycle = lifecycle(false);
		lifecycle.start();
		var goOn = new CountDownLatch(1);

		lifecycle.stop(goOn::countDown);

		assertThat(goOn.getCount()).isZero();
	}
}
