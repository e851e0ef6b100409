package dev.ftgo.gateway.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import dev.ftgo.gateway.ratelimit.RateLimitSettings;
import dev.ftgo.gateway.ratelimit.RateLimitWebFilter;
import dev.ftgo.security.RolesClaim;
import dev.ftgo.security.VerifiedTokens;

/**
 * The edge as an OAuth2 resource server. Every {@code /api/**} request carries a JWT, checked
 * against the JWK set at {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (signature,
 * expiry, issuer {@code .issuer-uri}, audience {@code ftgo}: all in the decoder Boot builds from those
 * properties); then the client's rate limit, then {@link GatewayAccessPolicy}. The token goes on to the
 * service unchanged, which checks it again. A token the decoder accepted is not verified again while it is valid
 * ({@link VerifiedTokens}). Stateless: no session, no CSRF (no cookies carry credentials).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerifiedTokens.Settings.class)
class GatewaySecurity {

	/** The firewall's refusals as problem+json too (see {@link RefusalProblems#rejected}). */
	@Bean
	static BeanPostProcessor firewallRefusalsAsProblems() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof WebFilterChainProxy proxy) {
					proxy.setExchangeRejectedHandler(RefusalProblems::rejected);
				}
				return bean;
			}
		};
	}

	/** Each token verified once while it is valid, as in the services ({@code ftgo.security.verified-tokens.*}). */
	@Bean
	@ConditionalOnBooleanProperty(name = VerifiedTokens.PROPERTIES + ".enabled", matchIfMissing = true)
	VerifiedTokens verifiedTokens(VerifiedTokens.Settings settings) {
		return new VerifiedTokens(settings, Clock.systemUTC());
	}

	@Bean
	SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, RateLimitSettings rateLimit,
			ObjectProvider<ReactiveJwtDecoder> decoders, ObjectProvider<VerifiedTokens> verifiedTokens) {
		var decoder = decoders.getIfAvailable();
		var verified = verifiedTokens.getIfAvailable();
		var refusals = new RefusalProblems();
		var roles = new JwtAuthenticationConverter();
		roles.setJwtGrantedAuthoritiesConverter(new RolesClaim());

		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(exchanges -> exchanges
				.pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				// anything else exposed there later stays closed until it is listed above
				.pathMatchers("/actuator/**").denyAll()
				.pathMatchers("/api/**").access(new GatewayAccessPolicy())
				// the Swagger UI and the services' OpenAPI documents
				.pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/api-docs/**", "/webjars/**")
				.permitAll()
				// reached only by a breaker's forward; from outside it answers 404 (FallbackController)
				.pathMatchers("/fallback/**").permitAll()
				// nothing else is served: an unknown path gets the 404 problem, not a demand for a token
				.anyExchange().permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> {
					jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(roles));
					if (decoder != null && verified != null) {
						jwt.jwtDecoder(new CachingReactiveJwtDecoder(decoder, verified));
					}
				})
				.authenticationEntryPoint(refusals)
				.accessDeniedHandler(refusals))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
		if (rateLimit.enabled()) {
			http.addFilterAfter(new RateLimitWebFilter(rateLimit), SecurityWebFiltersOrder.AUTHENTICATION);
		}
		return http.build();
	}
}
