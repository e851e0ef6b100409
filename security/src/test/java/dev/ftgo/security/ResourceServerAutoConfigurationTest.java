package dev.ftgo.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

class ResourceServerAutoConfigurationTest {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ResourceServerAutoConfiguration.class,
					ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class))
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:1/jwks.json",
					"spring.security.oauth2.resourceserver.jwt.audiences=ftgo");

	@Test
	void providesTheFilterChainConverterAndRelay() {
		servlet.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBeanNames(SecurityFilterChain.class).containsExactly("ftgoResourceServerFilterChain");
			assertThat(context).getBeanNames(JwtAuthenticationConverter.class).containsExactly("ftgoJwtAuthenticationConverter");
			assertThat(context).hasSingleBean(BearerTokenRelay.class);
		});
	}

	@Test
	void verifiesEachTokenOnceWhileItIsValidUnlessTurnedOff() {
		servlet.run(context -> assertThat(context).hasSingleBean(VerifiedTokens.class));
		servlet.withPropertyValues("ftgo.security.verified-tokens.enabled=false").run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(VerifiedTokens.class);
		});
	}

	@Test
	void backsOffForTheApplicationsOwnFilterChain() {
		servlet.withUserConfiguration(OwnChain.class).run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBeanNames(SecurityFilterChain.class).containsExactly("ownChain");
		});
	}

	@Test
	void backsOffForTheApplicationsOwnTokenConverter() {
		servlet.withUserConfiguration(OwnConverter.class).run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBeanNames(JwtAuthenticationConverter.class).containsExactly("ownConverter");
		});
	}

	@Test
	void staysOutOfANonWebApplication() {
		new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(ResourceServerAutoConfiguration.class))
				.run(context -> assertThat(context).doesNotHaveBean(BearerTokenRelay.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChain {

		@Bean
		SecurityFilterChain ownChain(HttpSecurity http) {
			return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConverter {

		@Bean
		JwtAuthenticationConverter ownConverter() {
			return new JwtAuthenticationConverter();
		}
	}
}
