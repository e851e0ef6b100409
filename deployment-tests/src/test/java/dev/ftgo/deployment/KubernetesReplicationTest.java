package dev.ftgo.deployment;

import static dev.ftgo.deployment.ProjectManifests.MANIFESTS;
import static dev.ftgo.deployment.ProjectManifests.PROJECT_ROOT;
import static dev.ftgo.deployment.ProjectManifests.RELAY_MIN_INSYNC_REPLICAS;
import static dev.ftgo.deployment.ProjectManifests.RELAY_REPLICATION_FACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * k8s/base keeps serving while a pod or a node goes: replicas, the Kafka quorum, disruption budgets and spread.
 */
class KubernetesReplicationTest {

	/**
	 * Two relays: one streams each source, the other stands by, ready (its readiness group counts a standby engine
	 * as UP) and never restarted for it (liveness is the process's own state), so a rolling update starts the new
	 * pod before an old one goes and hands its sources over.
	 */
	@Test
	void runsTwoRelaysOfWhichTheStandbyStaysReadyAndAlive() {
		Deployment relay = MANIFESTS.named(Deployment.class, "cdc-relay").orElseThrow();
		var properties = ModuleProperties.load(PROJECT_ROOT, "cdc-relay", List.of("kubernetes"));

		assertThat(relay.getSpec().getReplicas()).isEqualTo(2);
		assertThat(relay.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
		assertThat(relay.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
		assertThat(properties.value("management.endpoint.health.group.readiness.include")).hasValueSatisfying(
				include -> assertThat(include.split(",\\s*")).containsExactlyInAnyOrder("readinessState", "engines"));
		assertThat(properties.value("management.endpoint.health.group.liveness.include")).as("liveness: the default,"
				+ " livenessState only").isEmpty();
		assertThat(PodChecks.springBootAppsNotProbedOnHealthGroups(List.of(MANIFESTS.workload("cdc-relay")))).isEmpty();
	}

	/**
	 * Three brokers, each also a controller, the quorum voters naming the three pods by their stable names, and one
	 * replication factor (3) and min.insync.replicas (2) for the internal topics, the broker's defaults and the
	 * topics cdc-relay creates.
	 */
	@Test
	void runsKafkaAsAThreeNodeQuorumReplicatingEveryTopicThreeTimes() {
		KafkaCluster kafka = KafkaCluster.of(MANIFESTS);

		assertThat(kafka.brokers()).isEqualTo(3);
		assertThat(kafka.property("process.roles")).contains("broker,controller");
		assertThat(kafka.quorumViolations()).isEmpty();
		assertThat(kafka.property("controller.quorum.voters"))
				.contains("0@kafka-0.kafka-brokers:9093,1@kafka-1.kafka-brokers:9093,2@kafka-2.kafka-brokers:9093");
		assertThat(kafka.replicationViolations("cdc-relay", RELAY_REPLICATION_FACTOR, RELAY_MIN_INSYNC_REPLICAS)).isEmpty();
		assertThat(kafka.property("default.replication.factor")).contains("3");
		assertThat(kafka.property("min.insync.replicas")).contains("2");
		var relayProfile = ModuleProperties.load(PROJECT_ROOT, "cdc-relay", List.of("kubernetes"));
		assertThat(relayProfile.value("ftgo.relay.topics.replication-factor")).as("the profile, as the base's cluster").contains("3");
		assertThat(relayProfile.value("ftgo.relay.topics.min-insync-replicas")).as("the profile, as the base's cluster").contains("2");
	}

	@Test
	void givesEveryWorkloadADisruptionBudgetThatLetsOnePodGoAtATime() {
		assertThat(Availability.disruptionBudgetViolations(MANIFESTS)).isEmpty();
		assertThat(MANIFESTS.all(PodDisruptionBudget.class)).hasSize(MANIFESTS.workloads().size());
	}

	@Test
	void spreadsTheReplicasOfEveryServiceTheRelayAndKafkaOverNodes() {
		assertThat(Availability.notSpreadOverNodes(MANIFESTS, List.of("api-gateway", "consumer-service", "order-service",
				"kitchen-service", "cdc-relay", "kafka"))).isEmpty();
		assertThat(MANIFESTS.workloads()).filteredOn(workload -> workload.kind().equals("Deployment"))
				.allSatisfy(workload -> assertThat(workload.replicas()).as(workload.name()).isEqualTo(2));
	}
}
