package dev.ftgo.web.discovery;

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
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.netflix.eureka.EurekaHealthCheckHandler;
import org.springframework.cloud.netflix.eureka.serviceregistry.EurekaAutoServiceRegistration;

class DeregisterBeforeShutdownTest {

	private static final Duration DRAIN = Duration.ofSeconds(2);

	private final EurekaAutoServiceRegistration registration = mock(EurekaAutoServiceRegistration.class);
	private final EurekaHealthCheckHandler healthCheck = mock(EurekaHealthCheckHandler.class);

	private DeregisterBeforeShutdown lifecycle(boolean healthChecked) {
		var beans = new StaticListableBeanFactory();
		if (healthChecked) {
			beans.addBean("healthCheck", healthCheck);
		}
		return new DeregisterBeforeShutdown(registration, beans.getBeanProvider(EurekaHealthCheckHandler.class),
				new DrainProperties(DRAIN));
	}

	@Test
	void stopsBeforeTheWebServersGracefulShutdown() {
		assertThat(lifecycle(true).getPhase()).isGreaterThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE);
	}

	@Test
	void leavesEurekaThenLetsTheShutdownGoOnOnlyAfterTheDrainDelay() {
		when(registration.isRunning()).thenReturn(true);
		var lifecycle = lifecycle(true);

		var goOn = stop(lifecycle);

		var order = inOrder(healthCheck, registration);
		order.verify(healthCheck).stop();
		order.verify(registration).stop();
		assertThat(lifecycle.isRunning()).isFalse();
		assertHeldForTheDrainDelay(goOn);
	}

	@Test
	void drainsAlsoWhenSpringCloudAlreadyMarkedTheInstanceDownOnContextClose() {
		when(registration.isRunning()).thenReturn(false);

		var goOn = stop(lifecycle(true));

		verify(registration, never()).stop();
		assertHeldForTheDrainDelay(goOn);
	}

	@Test
	void drainsAlsoWithoutTheEurekaHealthCheck() {
		when(registration.isRunning()).thenReturn(true);

		var goOn = stop(lifecycle(false));

		verify(registration).stop();
		assertHeldForTheDrainDelay(goOn);
	}

	/** Started, then stopped: the latch counts down when the shutdown may go on. */
	private static CountDownLatch stop(DeregisterBeforeShutdown lifecycle) {
		lifecycle.start();
		var goOn = new CountDownLatch(1);
		lifecycle.stop(goOn::countDown);
		return goOn;
	}

	private static void assertHeldForTheDrainDelay(CountDownLatch goOn) {
		assertThat(goOn.getCount()).as("shutdown held for the drain delay").isEqualTo(1);
		await().atMost(DRAIN.multipliedBy(5)).until(() -> goOn.getCount() == 0);
	}
}
