package dev.ftgo.security;

import java.time.Clock;
import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.JwkSetUriJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.BeanIds;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service a stateless OAuth2 resource server for the FTGO tokens.
 *
 * <p>Tokens are verified by the {@code JwtDecoder} Spring Boot builds from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} (required: signature and expiry),
 * {@code .issuer-uri} (the {@code iss} claim, compared as a string: identity providers may sign for several
 * issuers with one key, so the signature alone does not name the issuer) and {@code .audiences}; this adds:
 * <ul>
 * <li>a filter chain: no session, no CSRF (no cookies to forge), the actuator, the OpenAPI documents and
 * {@code /error} public, every other request authenticated. Which role may do what is the service's code, with
 * {@link Caller}. An application that declares its own {@code SecurityFilterChain} replaces this one.</li>
 * <li>401 and 403 as {@code application/problem+json}, keeping Spring's {@code WWW-Authenticate: Bearer} header;</li>
 * <li>the {@code roles} claim as authorities {@code ROLE_ADMIN}, {@code ROLE_CONSUMER}, {@code ROLE_KITCHEN}
 * (a {@code JwtAuthenticationConverter} bean of the application's own replaces it);</li>
 * <li>the JWK set fetched with the timeouts of {@link JwkSetFetch} rather than Nimbus's 500 ms;</li>
 * <li>each token verified once while it is valid, not on every request ({@link VerifiedTokens});</li>
 * <li>a {@link Caller} controller argument, and a {@link BearerTokenRelay} bean for the clients of other services.</li>
 * </ul>
 *
 * <p>A {@code @WebMvcTest} slice imports this class too, so controllers are tested behind the same chain; such a
 * test needs a JWK set URI as well ({@code TestTokens.register(registry)}) or a {@code @MockitoBean JwtDecoder}.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpSecurity.class, JwtAuthenticationToken.class, WebMvcConfigurer.class })
@EnableConfigurationProperties({ JwkSetFetch.class, VerifiedTokens.Settings.class })
public class ResourceServerAutoConfiguration {

	/** Answered without a token: probes and scrapers, the API documents, and Spring's error dispatch. */
	static final List<String> PUBLIC_PATHS = List.of("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**",
			"/swagger-ui.html", "/error");

	@Bean
	@ConditionalOnDefaultWebSecurity
	SecurityFilterChain ftgoResourceServerFilterChain(HttpSecurity http, JwtAuthenticationConverter tokenConverter,
			ObjectProvider<JwtDecoder> decoders, ObjectProvider<VerifiedTokens> verifiedTokens) {
		var problems = new SecurityProblems();
		var decoder = decoders.getIfAvailable();
		var verified = verifiedTokens.getIfAvailable();
		return http
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				.logout(AbstractHttpConfigurer::disable)
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll()
						.anyRequest().authenticated())
				.oauth2ResourceServer(resourceServer -> resourceServer
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems)
						.jwt(jwt -> {
							jwt.jwtAuthenticationConverter(tokenConverter);
							if (decoder != null && verified != null) {
								jwt.decoder(verified.caching(decoder));
							}
						}))
				.exceptionHandling(exceptions -> exceptions
						.authenticationEntryPoint(problems)
						.accessDeniedHandler(problems))
				.build();
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter ftgoJwtAuthenticationConverter() {
		var converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new RolesClaim());
		return converter;
	}

	/** Each token verified once while it is valid, not on every request ({@code ftgo.security.verified-tokens.*}). */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = VerifiedTokens.PROPERTIES + ".enabled", matchIfMissing = true)
	VerifiedTokens ftgoVerifiedTokens(VerifiedTokens.Settings settings) {
		return new VerifiedTokens(settings, Clock.systemUTC());
	}

	@Bean
	JwkSetUriJwtDecoderBuilderCustomizer ftgoJwkSetFetchTimeouts(JwkSetFetch fetch) {
		var requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(fetch.connectTimeout());
		requests.setReadTimeout(fetch.readTimeout());
		return builder -> builder.restOperations(new RestTemplate(requests));
	}

	@Bean
	@ConditionalOnMissingBean
	BearerTokenRelay bearerTokenRelay() {
		return new BearerTokenRelay();
	}

	@Bean
	WebMvcConfigurer callerArgument() {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

	@Bean
	SecurityExceptionPassThrough securityExceptionPassThrough() {
		return new SecurityExceptionPassThrough();
	}

	/**
	 * What Boot's servlet security auto-configuration does too, here as well so that a {@code @WebMvcTest} slice
	 * (which imports this class but not Boot's security) gets the same filter chain as the application.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(name = BeanIds.SPRING_SECURITY_FILTER_CHAIN)
	@EnableWebSecurity
	static class WebSecurity {
	}

	/** A {@link Caller} parameter is the token's, not the request's: it has no place in the API documents. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
	static class SpringDocCallerParameter {

		SpringDocCallerParameter() {
			SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
		}
	}
}
