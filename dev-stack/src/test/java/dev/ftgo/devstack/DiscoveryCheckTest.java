package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscoveryCheckTest {

	@Test
	void readsServiceNamesFromTheDiscoveryClientPartOfTheGatewayHealth() {
		String health = """
				{"status":"UP","components":{
				  "circuitBreakers":{"status":"UP","details":{"order-service":{"state":"CLOSED"}}},
				  "discoveryComposite":{"status":"UP","components":{
					"discoveryClient":{"status":"UP","details":{"services":["api-gateway", "CONSUMER-SERVICE"]}},
					"eureka":{"status":"UP","details":{"applications":{"API-GATEWAY":1,"CONSUMER-SERVICE":1}}}}}}}
				""";

		assertThat(DiscoveryCheck.discovered(health)).containsExactlyInAnyOrder("api-gateway", "consumer-service");
	}

	@Test
	void findsNothingWithoutHealthDetails() {
		assertThat(DiscoveryCheck.discovered("{\"status\":\"UP\"}")).isEmpty();
	}
}
