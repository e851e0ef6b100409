package dev.ftgo.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each check of {@link KafkaCluster} fails on manifests that break its rule. */
class KafkaClusterTest {

	private static final String RELAY = """
			apiVersion: apps/v1
			kind: Deployment
			metadata:
			  name: cdc-relay
			spec:
			  selector:
			    matchLabels:
			      app: cdc-relay
			  template:
			    metadata:
			      labels:
			        app: cdc-relay
			    spec:
			      containers:
			        - name: cdc-relay
			          image: ftgo/cdc-relay:0.1.0
			          env:
			            - name: FTGO_RELAY_TOPICS_REPLICATIONFACTOR
			              value: "1"
			---
			""";

	@Test
	void reportsAQuorumThatDoesNotNameEveryPodByItsStableName() {
		KafkaCluster kafka = KafkaCluster.of(KubernetesManifests.parse("test", RELAY + """
				apiVersion: v1
				kind: Service
				metadata:
				  name: kafka
				spec:
				  selector:
				    app: kafka
				  ports:
				    - port: 9092
				---
				""" + kafka("""
				  serviceName: kafka
				  replicas: 3
				""", """
				          ports:
				            - name: controller
				              containerPort: 9093
				          env:
				            - name: KAFKA_NODE_ID
				              value: "1"
				            - name: KAFKA_ADVERTISED_LISTENERS
				              value: PLAINTEXT://kafka:9092
				            - name: KAFKA_CONTROLLER_QUORUM_VOTERS
				              value: 0@kafka-0.kafka:9093,1@kafka-1.kafka:9093
				            - name: KAFKA_DEFAULT_REPLICATION_FACTOR
				              value: "3"
				            - name: KAFKA_MIN_INSYNC_REPLICAS
				              value: "3"
				            - name: KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR
				              value: "1"
				""")));

		assertThat(kafka.quorumViolations()).containsExactly(
				"the quorum voters are [0@kafka-0.kafka:9093, 1@kafka-1.kafka:9093], not one per pod"
						+ " [0@kafka-0.kafka:9093, 1@kafka-1.kafka:9093, 2@kafka-2.kafka:9093]",
				"the node id is 1, not the pod's ordinal (metadata.labels['apps.kubernetes.io/pod-index'])",
				"the brokers advertise PLAINTEXT://kafka:9092, not their pod's own name under kafka ($(POD_NAME) from metadata.name)",
				"the governing Service kafka is not headless with publishNotReadyAddresses",
				"the pods start one after the other, but the first is never ready without a quorum");
		assertThat(kafka.replicationViolations("cdc-relay", "FTGO_RELAY_TOPICS_REPLICATIONFACTOR",
				"FTGO_RELAY_TOPICS_MININSYNCREPLICAS")).containsExactly(
				"offsets.topic.replication.factor is 1, not the cluster's 3",
				"transaction.state.log.replication.factor is (unset), not the cluster's 3",
				"share.coordinator.state.topic.replication.factor is (unset), not the cluster's 3",
				"transaction.state.log.min.isr is (unset), not the cluster's 3",
				"share.coordinator.state.topic.min.isr is (unset), not the cluster's 3",
				"cdc-relay creates topics with FTGO_RELAY_TOPICS_REPLICATIONFACTOR=1, not the cluster's 3",
				"cdc-relay creates topics with FTGO_RELAY_TOPICS_MININSYNCREPLICAS=(unset), not the cluster's 3",
				"replication factor 3 and min.insync.replicas 3 on 3 brokers: the factor may not exceed the brokers, and"
						+ " min in-sync must stay below it so that one broker may be down");
	}

	@Test
	void resolvesSettingsThroughTheConfigMapsTheyAreReadFrom() {
		KafkaCluster kafka = KafkaCluster.of(KubernetesManifests.parse("test", """
				apiVersion: v1
				kind: ConfigMap
				metadata:
				  name: kafka-cluster
				data:
				  replication-factor: "3"
				---
				""" + kafka("""
				  serviceName: kafka-brokers
				""", """
				          env:
				            - name: KAFKA_DEFAULT_REPLICATION_FACTOR
				              valueFrom:
				                configMapKeyRef:
				                  name: kafka-cluster
				                  key: replication-factor
				            - name: KAFKA_MIN_INSYNC_REPLICAS
				              valueFrom:
				                configMapKeyRef:
				                  name: kafka-cluster
				                  key: min-insync-replicas
				""")));

		assertThat(kafka.brokers()).isOne();
		assertThat(kafka.property("default.replication.factor")).contains("3");
		assertThat(kafka.property("min.insync.replicas")).contains("(no key min-insync-replicas in a ConfigMap kafka-cluster)");
	}

	/** The StatefulSet {@code kafka} with {@code spec} (serviceName, replicas) and its one container ending in {@code container}. */
	private static String kafka(String spec, String container) {
		return """
				apiVersion: apps/v1
				kind: StatefulSet
				metadata:
				  name: kafka
				spec:
				""" + spec + """
				  selector:
				    matchLabels:
				      app: kafka
				  template:
				    metadata:
				      labels:
				        app: kafka
				    spec:
				      containers:
				        - name: kafka
				          image: apache/kafka:4.1.2
				""" + container;
	}
}
