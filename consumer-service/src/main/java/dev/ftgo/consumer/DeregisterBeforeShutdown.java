package dev.ftgo.consumer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.cloud.netflix.eureka.EurekaHealthCheckHandler;
import org.springframework.cloud.netflix.eureka.serviceregistry.EurekaAutoServiceRegistration;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A graceful stop that costs callers no request: leave Eureka, wait until callers have forgotten this instance,
 * and only then let the web server's graceful shutdown finish the requests in flight.
 * <p>
 * Spring Cloud's {@link EurekaAutoServiceRegistration} marks the instance DOWN in the registry as soon as the
 * context starts closing, but nothing waits for the callers: their registry copies and load balancer lists still
 * hold the instance for up to {@link Settings#drainDelay()}, while the graceful shutdown
 * ({@link WebServerGracefulShutdownLifecycle#SMART_LIFECYCLE_PHASE}) refuses new connections at once. This
 * lifecycle stops just before the graceful shutdown: it makes sure the instance is marked DOWN (and stops the
 * Eureka health check, whose next run would report it UP again), then holds the shutdown for the drain delay.
 * <p>
 * Kept identical in every service that registers with Eureka.
 */
@Component
@EnableConfigurationProperties(DeregisterBeforeShutdown.Settings.class)
class DeregisterBeforeShutdown implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeregisterBeforeShutdown.class);

	private final ObjectProvider<EurekaAutoServiceRegistration> registration;
	private final ObjectProvider<EurekaHealthCheckHandler> healthCheck;
	private final Duration drainDelay;
	private volatile boolean running;

	DeregisterBeforeShutdown(ObjectProvider<EurekaAutoServiceRegistration> registration,
			ObjectProvider<EurekaHealthCheckHandler> healthCheck, Settings settings) {
		this.registration = registration;
		this.healthCheck = healthCheck;
		this.drainDelay = settings.drainDelay();
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
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
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
		var registered = registration.getIfAvailable();
		if (registered == null) {
			// not registered with Eureka (e.g. discovery switched off): nobody to wait for
			callback.run();
			return;
		}
		healthCheck.ifAvailable(EurekaHealthCheckHandler::stop);
		if (registered.isRunning()) {
			registered.stop();
		}
		log.info("Marked DOWN in Eureka; waiting {} for callers to forget this instance before shutting down", drainDelay);
		CompletableFuture.delayedExecutor(drainDelay.toMillis(), TimeUnit.MILLISECONDS).execute(callback);
	}

	/**
	 * @param drainDelay how long callers may still pick this instance after it was marked DOWN: the registry's
	 *        response cache ({@code eureka.server.response-cache-update-interval-ms}, 2 s), the callers' registry
	 *        fetch ({@code eureka.client.registry-fetch-interval-seconds}, 5 s) and their load balancer cache
	 *        ({@code spring.cloud.loadbalancer.cache.ttl}, 5 s). Keep it in step when those change. A caller that
	 *        still picks the instance after it has closed its port has its request refused and failed over.
	 */
	@ConfigurationProperties("ftgo.discovery")
	record Settings(@DefaultValue("12s") Duration drainDelay) {
	}
}
