package dev.ftgo.relay.topics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ftgo.relay.RelaySettings;

@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

	/** Also the {@code topics} health component. */
	@Bean
	@ConditionalOnProperty(name = "ftgo.relay.topics.create", havingValue = "true", matchIfMissing = true)
	TopicInitializer topicsHealthIndicator(RelaySettings settings) {
		return new TopicInitializer(settings.kafka().bootstrapServers(), settings.topics(), settings.engine());
	}
}
