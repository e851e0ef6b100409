package dev.ftgo.consumer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import dev.ftgo.messaging.OutboxWriter;
import dev.ftgo.testsupport.ApiClient;
import dev.ftgo.testsupport.TestDatabase;
import dev.ftgo.testsupport.TestKafka;
import dev.ftgo.testsupport.TestTokens;

/**
 * The whole service on a random port against its own database in the test JVM's PostgreSQL and the test JVM's
 * Kafka broker, checking tokens against {@link TestTokens}' JWK set. Integration tests extend this so that they
 * share one application context: each further one costs seconds of start-up, and its listeners would join the
 * consumer group and take partitions away from the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningConsumerService {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, "consumer_service");
		TestKafka.register(registry);
		TestTokens.register(registry);
	}

	@LocalServerPort
	protected int port;

	/**
	 * The real outbox, watched: what the service sends, for the tests that check it. Declared here rather than in
	 * one test class, where it would give that class an application context of its own.
	 */
	@MockitoSpyBean
	protected OutboxWriter outbox;

	/** Sends no {@code Authorization} header: every API call is a 401. */
	protected ApiClient withoutToken() {
		return new ApiClient(port);
	}

	protected ApiClient asAdmin() {
		return withoutToken().withToken(TestTokens.admin());
	}

	/** As the consumer with this id (a UUID or its string), acting on its own data. */
	protected ApiClient asConsumer(Object consumerId) {
		return withoutToken().withToken(TestTokens.consumer(consumerId));
	}
}
