package dev.ftgo.web.openapi;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * A service's {@link OpenApiDocumentation} in every OpenAPI document it serves: only in a service that declares one
 * and serves documents, under springdoc's own conditions (on the class path, a web application,
 * {@code springdoc.api-docs.enabled}).
 *
 * <p>Not ordered after springdoc's configuration classes: they rely on being configured in the order of their names,
 * which an {@code after} here would change; the condition needs only the service's own bean.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
@ConditionalOnBean(OpenApiDocumentation.class)
public class OpenApiDocumentationAutoConfiguration {

	@Bean
	OpenApiDocumentationCustomizer openApiDocumentationCustomizer(OpenApiDocumentation documentation,
			SpringDocConfigProperties springdoc) {
		return new OpenApiDocumentationCustomizer(documentation, springdoc.getSpecVersion());
	}
}
