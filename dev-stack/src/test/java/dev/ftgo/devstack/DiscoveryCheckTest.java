package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
	void aScaledServiceCountsOnceTheRegistryListsEachOfItsInstancesAsUp() {
		String apps = """
				{"applications":{"application":[{"name":"ORDER-SERVICE","instance":[
				  {"instanceId":"order-service:localhost:8082","app":"ORDER-SERVICE","status":"UP","port":{"$":8082}},
				  {"instanceId":"order-service:localhost:41234","app":"ORDER-SERVICE","status":"STARTING","port":{"$":41234}}]},
				 {"name":"CONSUMER-SERVICE","instance":[
				  {"instanceId":"consumer-service:localhost:8081","app":"CONSUMER-SERVICE","status":"UP"}]}]}}
				""";

		assertThat(DiscoveryCheck.registered(apps, Map.of(Component.ORDER_SERVICE, List.of(8082)))).isTrue();
		assertThat(DiscoveryCheck.registered(apps, Map.of(Component.ORDER_SERVICE, List.of(8082, 41234)))).isFalse();
		assertThat(DiscoveryCheck.registered(apps.replace("STARTING", "UP"), Map.of(Component.ORDER_SERVICE, List.of(8082, 41234),
				Component.CONSUMER_SERVICE, List.of(8081)))).isTrue();
		assertThat(DiscoveryCheck.registered(apps, Map.of(Component.CONSUMER_SERVICE, List.of(8081, 41235)))).isFalse();
		assertThat(DiscoveryCheck.registered(apps, Map.of(Component.KITCHEN_SERVICE, List.of(8083)))).isFalse();
	}

	@Test
	void findsNothingWithoutHealthDetails() {
		assertThat(DiscoveryCheck.discovered("{\"status\":\"UP\"}")).isEmpty();
	}
}
