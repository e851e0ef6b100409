package dev.ftgo.relay.deadletters.web;

import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The FTGO bearer token in the relay's OpenAPI document, declared as the services declare it. */
@Configuration(proxyBeanMethods = false)
@SecurityScheme(name = ApiDocumentation.BEARER_TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "JWT", description = """
				A JWT (RS256) from the FTGO identity server, audience "ftgo", whose "roles" claim holds "admin". \
				./stack token --role admin mints one.""")
class ApiDocumentation {

	static final String BEARER_TOKEN = "bearerToken";
}
