package dev.ftgo.web.discovery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ftgo.discovery.*}.
 *
 * @param drainDelay how long callers may still pick this instance after it was marked DOWN: the registry's
 *        response cache ({@code eureka.server.response-cache-update-interval-ms}, 2 s), the callers' registry
 *        fetch ({@code eureka.client.registry-fetch-interval-seconds}, 5 s) and their load balancer cache
 *        ({@code spring.cloud.loadbalancer.cache.ttl}, 2 s), 9 s together, and 3 s to spare for timers that
 *        run late on a busy machine. Keep it in step when those change. A caller that still picks the instance
 *        after it has closed its port has its request refused and failed over.
 */
@ConfigurationProperties("ftgo.discovery")
record DrainProperties(@DefaultValue("12s") Duration drainDelay) {
}
