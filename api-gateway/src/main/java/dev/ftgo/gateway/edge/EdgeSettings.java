package dev.ftgo.gateway.edge;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits the gateway enforces before a request reaches any service ({@code ftgo.gateway.*}).
 *
 * @param maxRequestBody larger bodies are refused with 413
 * @param retryAfter what a 503 tells the client to wait before trying again
 * @param maxUriLength longer request targets (path and query) are refused with 414
 */
@ConfigurationProperties("ftgo.gateway")
public record EdgeSettings(@DefaultValue("1MB") DataSize maxRequestBody, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("4096") int maxUriLength) {
}
