package dev.ftgo.web.discovery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.cloud.netflix.eureka.EurekaHealthCheckHandler;
import org.springframework.cloud.netflix.eureka.serviceregistry.EurekaAutoServiceRegistration;
import org.springframework.context.SmartLifecycle;

/**
 * A graceful stop that costs callers no request: leave Eureka, wait until callers have forgotten this instance,
 * and only then let the web server's graceful shutdown finish the requests in flight.
 * <p>
 * Spring Cloud's {@link EurekaAutoServiceRegistration} marks the instance DOWN in the registry as soon as the
 * context starts closing, but nothing waits for the callers: their registry copies and load balancer lists still
 * hold the instance for up to {@link DrainProperties#drainDelay()}, while the graceful shutdown
 * ({@link WebServerApplicationContext#GRACEFUL_SHUTDOWN_PHASE}) refuses new connections at once. This
 * lifecycle stops just before the graceful shutdown: it makes sure the instance is marked DOWN (and stops the
 * Eureka health check, whose next run would report it UP again), then holds the shutdown for the drain delay.
 */
class DeregisterBeforeShutdown implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeregisterBeforeShutdown.class);

	private final EurekaAutoServiceRegistration registration;
	private final ObjectProvider<EurekaHealthCheckHandler> healthCheck;
	private final Duration drainDelay;
	private volatile boolean running;

	DeregisterBeforeShutdown(EurekaAutoServiceRegistration registration,
			ObjectProvider<EurekaHealthCheckHandler> healthCheck, DrainProperties properties) {
		this.registration = registration;
		this.healthCheck = healthCheck;
		this.drainDelay = properties.drainDelay();
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Just above the graceful shutdown's phase: stopped right before it. */
	@Override
	public int getPhase() {
		return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	/**
	 * Returns at once and calls back after the drain delay, so the wait is bounded by
	 * {@code spring.lifecycle.timeout-per-shutdown-phase} as well.
	 */
	@Override
	public void stop(Runnable callback) {
		running = false;
		// the health check is there only with eureka.client.healthcheck.enabled
		healthCheck.ifAvailable(EurekaHealthCheckHandler::stop);
		if (registration.isRunning()) {
			registration.stop();
		}
		log.info("Marked DOWN in Eureka; waiting {} for callers to forget this instance before shutting down", drainDelay);
		CompletableFuture.delayedExecutor(drainDelay.toMillis(), TimeUnit.MILLISECONDS).execute(callback);
	}
}
