package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
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
	void waitsForEveryInstanceOfAScaledServiceButOnlyForTheNameOfASingleOne() {
		String oneOrderService = """
				{"components":{"discoveryComposite":{"components":{
					"discoveryClient":{"details":{"services":["consumer-service","order-service"]}},
					"eureka":{"details":{"applications":{"CONSUMER-SERVICE":1,"ORDER-SERVICE":1}}}}}}}
				""";
		String twoOrderServices = oneOrderService.replace("\"ORDER-SERVICE\":1", "\"ORDER-SERVICE\":2");

		assertThat(DiscoveryCheck.instances(twoOrderServices)).containsEntry("order-service", 2).containsEntry("consumer-service", 1);
		assertThat(DiscoveryCheck.sees(oneOrderService, Map.of(Component.ORDER_SERVICE, 2))).isFalse();
		assertThat(DiscoveryCheck.sees(twoOrderServices, Map.of(Component.ORDER_SERVICE, 2))).isTrue();
		assertThat(DiscoveryCheck.sees(twoOrderServices, Map.of(Component.ORDER_SERVICE, 2, Component.CONSUMER_SERVICE, 2))).isFalse();
		assertThat(DiscoveryCheck.sees(oneOrderService, Map.of(Component.CONSUMER_SERVICE, 1))).isTrue();
		assertThat(DiscoveryCheck.sees(oneOrderService, Map.of(Component.KITCHEN_SERVICE, 1))).isFalse();
	}

	@Test
	void findsNothingWithoutHealthDetails() {
		assertThat(DiscoveryCheck.discovered("{\"status\":\"UP\"}")).isEmpty();
	}
}
