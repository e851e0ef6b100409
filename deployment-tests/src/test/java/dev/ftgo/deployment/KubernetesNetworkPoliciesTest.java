package dev.ftgo.deployment;

import static dev.ftgo.deployment.ProjectManifests.MANIFESTS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

/** The network policies of k8s/base let each pod be reached only by those that call it, on ports it listens on. */
class KubernetesNetworkPoliciesTest {

	@Test
	void letsOnlyTheGatewayBeReachedFromOutside() {
		assertThat(MANIFESTS.all(NetworkPolicy.class)).anyMatch(NetworkReachability::isDefaultDenyIngress);
		assertThat(NetworkReachability.allowedSources(MANIFESTS)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"api-gateway", Set.of(NetworkReachability.OUTSIDE),
				"consumer-service", Set.of("api-gateway", "order-service"),
				"kitchen-service", Set.of("api-gateway", "order-service"),
				"order-service", Set.of("api-gateway"),
				"cdc-relay", Set.of("api-gateway"),
				"postgres", Set.of("consumer-service", "order-service", "kitchen-service", "cdc-relay"),
				"kafka", Set.of("consumer-service", "order-service", "kitchen-service", "cdc-relay", "kafka")));
	}

	@Test
	void opensOnlyPortsThePodsListenOn() {
		assertThat(NetworkReachability.portsNobodyListensOn(MANIFESTS)).isEmpty();
	}
}
