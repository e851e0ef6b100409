package dev.ftgo.order;

import java.time.Clock;

import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan
class OrderServiceConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
