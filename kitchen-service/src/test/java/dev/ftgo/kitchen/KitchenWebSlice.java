package dev.ftgo.kitchen;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.ftgo.kitchen.restaurant.RestaurantService;
import dev.ftgo.kitchen.ticket.TicketService;
import dev.ftgo.testsupport.TestTokens;

/**
 * The kitchen's web layer alone: both controllers, the problem advice and the service's security, with the
 * application services mocked and tokens checked against {@link TestTokens}' JWK set. The slice tests of both
 * controllers extend this class and add nothing to its configuration, so that they all share one application context.
 */
@WebMvcTest(properties = "eureka.client.enabled=false")
public abstract class KitchenWebSlice {

	@DynamicPropertySource
	static void tokens(DynamicPropertyRegistry registry) {
		TestTokens.register(registry);
	}

	@Autowired
	protected MockMvcTester mvc;

	@MockitoBean
	protected RestaurantService restaurants;

	@MockitoBean
	protected TicketService tickets;

	protected static String bearer(String token) {
		return "Bearer " + token;
	}
}
