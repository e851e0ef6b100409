package dev.ftgo.consumer.consumer.web;

import static dev.ftgo.testsupport.ProblemResponses.assertProblem;
import static org.springframework.http.HttpHeaders.AUTHORIZATION;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.ftgo.consumer.consumer.Consumer;
import dev.ftgo.consumer.consumer.ConsumerId;
import dev.ftgo.consumer.consumer.ConsumerService;
import dev.ftgo.testsupport.TestTokens;

/**
 * The consumer endpoints alone, behind the service's security: validation, error mapping and who may call, with
 * {@link ConsumerService} mocked. Requests are an admin's, who may call every endpoint, unless a test says otherwise.
 * The test classes extend this one and add nothing to its configuration, so that they all share one application
 * context.
 */
@WebMvcTest(controllers = ConsumerController.class, properties = "eureka.client.enabled=false")
abstract class ConsumerControllerSlice {

	static final String CONSUMERS = "/api/v1/consumers";
	static final String ADMIN = "Bearer " + TestTokens.admin();

	static final String VALID_REGISTRATION = """
			{"name": {"firstName": "Ada", "lastName": "Lovelace"}, "email": "ada@example.com",
			 "orderLimit": {"amount": "250.5", "currency": "EUR"}}""";

	static final String VALID_ORDER_TOTAL = """
			{"orderTotal": {"amount": "12.50", "currency": "USD"}}""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ConsumerService consumers;

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	MvcTestResult postJson(String path, String json) {
		return postJson(path, json, ADMIN);
	}

	/** A JSON POST with this {@code Authorization} header, {@code null} for none. */
	MvcTestResult postJson(String path, String json, String authorization) {
		var request = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json);
		return authorization == null ? request.exchange() : request.header(AUTHORIZATION, authorization).exchange();
	}

	/** A POST without a body as an admin. */
	MvcTestResult post(String path) {
		return mvc.post().uri(path).header(AUTHORIZATION, ADMIN).exchange();
	}

	MvcTestResult get(String path) {
		return mvc.get().uri(path).header(AUTHORIZATION, ADMIN).exchange();
	}

	static String consumer(Object consumerId) {
		return "Bearer " + TestTokens.consumer(consumerId);
	}

	static String path(Consumer consumer, String suffix) {
		return CONSUMERS + "/" + consumer.id() + suffix;
	}

	static String path(ConsumerId id, String suffix) {
		return CONSUMERS + "/" + id + suffix;
	}

	static void assertNotFound(MvcTestResult result, ConsumerId id) {
		assertProblem(result, HttpStatus.NOT_FOUND, "Consumer not found", "No consumer with id " + id);
	}
}
