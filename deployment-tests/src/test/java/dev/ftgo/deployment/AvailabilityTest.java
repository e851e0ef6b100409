package dev.ftgo.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each check of {@link Availability} fails on manifests that break its rule. */
class AvailabilityTest {

	private static final KubernetesManifests MANIFESTS = KubernetesManifests.parse("test",
			deployment("orders", 2, "") + deployment("kitchen", 2, """
					      topologySpreadConstraints:
					        - maxSkew: 1
					          topologyKey: kubernetes.io/hostname
					          whenUnsatisfiable: ScheduleAnyway
					          labelSelector:
					            matchLabels:
					              app: kitchen
					""") + deployment("consumers", 1, """
					      topologySpreadConstraints:
					        - maxSkew: 1
					          topologyKey: topology.kubernetes.io/zone
					          whenUnsatisfiable: ScheduleAnyway
					          labelSelector:
					            matchLabels:
					              app: consumers
					""") + budget("kitchen-a", "kitchen", "maxUnavailable: 1") + budget("kitchen-b", "kitchen", "maxUnavailable: 0")
					+ budget("consumers", "consumers", "minAvailable: 1") + budget("delivery", "delivery", "maxUnavailable: 1"));

	@Test
	void reportsWorkloadsWithoutOneBudgetAndBudgetsThatBlockDrainsOrSelectNothing() {
		assertThat(Availability.disruptionBudgetViolations(MANIFESTS)).containsExactly(
				"orders is selected by 0 PodDisruptionBudgets [], not by one",
				"kitchen is selected by 2 PodDisruptionBudgets [kitchen-a, kitchen-b], not by one",
				"PodDisruptionBudget kitchen-b lets 0 pods go at a time, not 1",
				"PodDisruptionBudget consumers keeps 1 of the 1 pods of consumers: it blocks every drain",
				"PodDisruptionBudget delivery selects no workload");
	}

	@Test
	void reportsReplicasNotSpreadOverNodes() {
		assertThat(Availability.notSpreadOverNodes(MANIFESTS, List.of("orders", "kitchen", "consumers"))).containsExactly(
				"orders has no topology spread constraint on kubernetes.io/hostname counting its own pods: its replicas may all run on one node",
				"consumers has no topology spread constraint on kubernetes.io/hostname counting its own pods: its replicas may all run on one node");
	}

	private static String deployment(String name, int replicas, String spread) {
		return """
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: %1$s
				spec:
				  replicas: %2$d
				  selector:
				    matchLabels:
				      app: %1$s
				  template:
				    metadata:
				      labels:
				        app: %1$s
				    spec:
				%3$s      containers:
				        - name: %1$s
				          image: ftgo/%1$s:0.1.0
				---
				""".formatted(name, replicas, spread);
	}

	private static String budget(String name, String app, String limit) {
		return """
				apiVersion: policy/v1
				kind: PodDisruptionBudget
				metadata:
				  name: %s
				spec:
				  %s
				  selector:
				    matchLabels:
				      app: %s
				---
				""".formatted(name, limit, app);
	}
}
