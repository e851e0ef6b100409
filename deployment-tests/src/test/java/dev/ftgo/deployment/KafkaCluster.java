package dev.ftgo.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * The KRaft cluster of a set of manifests, as its brokers will run it: the StatefulSet {@value #NAME}, each pod
 * broker and controller, with every setting resolved through the ConfigMaps it reads. The checks answer their
 * violations, one sentence each, like {@link ComposeChecks}.
 */
final class KafkaCluster {

	static final String NAME = "kafka";
	/** The label the StatefulSet controller gives each pod: its ordinal (Kubernetes 1.28 and later). */
	static final String POD_INDEX_FIELD = "metadata.labels['apps.kubernetes.io/pod-index']";
	private static final Pattern VOTER = Pattern.compile("(\\d+)@([^:]+):(\\d+)");

	private final KubernetesManifests manifests;
	private final StatefulSet set;
	private final Container broker;

	private KafkaCluster(KubernetesManifests manifests, StatefulSet set) {
		this.manifests = manifests;
		this.set = set;
		this.broker = set.getSpec().getTemplate().getSpec().getContainers().get(0);
	}

	static KafkaCluster of(KubernetesManifests manifests) {
		return new KafkaCluster(manifests, manifests.named(StatefulSet.class, NAME)
				.orElseThrow(() -> new AssertionError("No StatefulSet " + NAME)));
	}

	int brokers() {
		return Optional.ofNullable(set.getSpec().getReplicas()).orElse(1);
	}

	/** The broker property {@code name} (e.g. {@code min.insync.replicas}) as the image reads it from KAFKA_* variables. */
	Optional<String> property(String name) {
		return setting(broker, "KAFKA_" + name.toUpperCase().replace('.', '_'));
	}

	/** The value a container gets for {@code variable}: written down, or read from a ConfigMap of these manifests. */
	Optional<String> setting(Container container, String variable) {
		return ObjectReferences.env(container).filter(env -> env.getName().equals(variable)).findFirst().map(this::resolve);
	}

	private String resolve(EnvVar variable) {
		if (variable.getValueFrom() == null) {
			return variable.getValue();
		}
		var ref = variable.getValueFrom().getConfigMapKeyRef();
		if (ref == null) {
			return variable.getValueFrom().getFieldRef() != null ? "fieldRef:" + variable.getValueFrom().getFieldRef().getFieldPath()
					: "(from a Secret)";
		}
		return manifests.named(ConfigMap.class, ref.getName()).map(ConfigMap::getData).map(data -> data.get(ref.getKey()))
				.orElse("(no key " + ref.getKey() + " in a ConfigMap " + ref.getName() + ")");
	}

	/**
	 * Every pod a voter and only they, under its stable name: {@code <id>@<set>-<id>.<governing Service>:<controller
	 * port>} for ids 0 to replicas - 1, each pod's node id its ordinal, advertised under that same name; the
	 * governing Service headless and listing pods before they are ready (a pod becomes ready only after the quorum
	 * formed), and the pods started together when there are several (one alone is no quorum and never ready).
	 */
	List<String> quorumViolations() {
		List<String> problems = new ArrayList<>();
		String governing = set.getSpec().getServiceName();
		int controllerPort = broker.getPorts().stream().filter(port -> "controller".equals(port.getName()))
				.map(port -> port.getContainerPort()).findFirst().orElse(-1);
		List<String> expected = IntStream.range(0, brokers())
				.mapToObj(id -> id + "@" + NAME + "-" + id + "." + governing + ":" + controllerPort).toList();
		List<String> voters = property("controller.quorum.voters").map(value -> List.of(value.split(","))).orElse(List.of());
		if (!voters.stream().allMatch(voter -> VOTER.matcher(voter).matches()) || !voters.equals(expected)) {
			problems.add("the quorum voters are " + voters + ", not one per pod " + expected);
		}
		if (!property("node.id").equals(Optional.of("fieldRef:" + POD_INDEX_FIELD))) {
			problems.add("the node id is " + property("node.id").orElse("(unset)") + ", not the pod's ordinal (" + POD_INDEX_FIELD + ")");
		}
		if (!setting(broker, "POD_NAME").equals(Optional.of("fieldRef:metadata.name"))
				|| !property("advertised.listeners").orElse("").contains("//$(POD_NAME)." + governing + ":")) {
			problems.add("the brokers advertise " + property("advertised.listeners").orElse("(nothing)")
					+ ", not their pod's own name under " + governing + " ($(POD_NAME) from metadata.name)");
		}
		Optional<Service> service = manifests.named(Service.class, governing);
		if (service.isEmpty() || !"None".equals(service.get().getSpec().getClusterIP())
				|| !Boolean.TRUE.equals(service.get().getSpec().getPublishNotReadyAddresses())) {
			problems.add("the governing Service " + governing + " is not headless with publishNotReadyAddresses");
		}
		if (brokers() > 1 && !"Parallel".equals(set.getSpec().getPodManagementPolicy())) {
			problems.add("the pods start one after the other, but the first is never ready without a quorum");
		}
		return problems;
	}

	/**
	 * One replication factor and one min.insync.replicas for every topic, the internal ones included: the broker's
	 * defaults (default.replication.factor, min.insync.replicas), the internal topics' own settings and what {@code creator} (the workload creating the application
	 * topics) creates them with, through {@code creatorVariables} (replication factor, min in-sync replicas). The
	 * factor at most the brokers; min in-sync at most the factor, and below it on a cluster of several brokers, so
	 * that one broker may be down while every write still succeeds.
	 */
	List<String> replicationViolations(String creator, String replicationVariable, String minInsyncVariable) {
		List<String> problems = new ArrayList<>();
		Container creatorContainer = manifests.workload(creator).template().getSpec().getContainers().get(0);
		String factor = property("default.replication.factor").orElse("(unset)");
		String minimum = property("min.insync.replicas").orElse("(unset)");
		for (String name : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
				"share.coordinator.state.topic.replication.factor")) {
			if (!property(name).equals(Optional.of(factor))) {
				problems.add(name + " is " + property(name).orElse("(unset)") + ", not the cluster's " + factor);
			}
		}
		for (String name : List.of("transaction.state.log.min.isr", "share.coordinator.state.topic.min.isr")) {
			if (!property(name).equals(Optional.of(minimum))) {
				problems.add(name + " is " + property(name).orElse("(unset)") + ", not the cluster's " + minimum);
			}
		}
		if (!setting(creatorContainer, replicationVariable).equals(Optional.of(factor))) {
			problems.add(creator + " creates topics with " + replicationVariable + "=" + setting(creatorContainer, replicationVariable).orElse("(unset)")
					+ ", not the cluster's " + factor);
		}
		if (!setting(creatorContainer, minInsyncVariable).equals(Optional.of(minimum))) {
			problems.add(creator + " creates topics with " + minInsyncVariable + "=" + setting(creatorContainer, minInsyncVariable).orElse("(unset)")
					+ ", not the cluster's " + minimum);
		}
		Integer replicas = number(factor);
		Integer inSync = number(minimum);
		if (replicas == null || inSync == null || replicas > brokers() || inSync > replicas || brokers() > 1 && inSync >= replicas) {
			problems.add("replication factor " + factor + " and min.insync.replicas " + minimum + " on " + brokers()
					+ " brokers: the factor may not exceed the brokers, and min in-sync must stay below it so that one broker may be down");
		}
		return problems;
	}

	private static Integer number(String value) {
		Matcher digits = Pattern.compile("\\d+").matcher(Objects.toString(value, ""));
		return digits.matches() ? Integer.valueOf(value) : null;
	}
}
