package dev.ftgo.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a service waits for the identity's JWK set ({@code ftgo.security.jwk-set.*}). Spring Security fetches it
 * with Nimbus's 500 ms timeouts, which a busy machine exceeds: a service just started, or on a loaded host, then
 * answers the first token it checks with an error instead of verifying it.
 *
 * @param connectTimeout to open the connection
 * @param readTimeout to read the answer
 */
@ConfigurationProperties("ftgo.security.jwk-set")
public record JwkSetFetch(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {
}
