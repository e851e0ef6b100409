package dev.ftgo.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.ftgo.deployment.KubernetesManifests.Workload;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Who may open connections to whom under the NetworkPolicies of one namespace, by the rules of the API:
 * a pod selected by no Ingress policy accepts everything; a selected pod accepts the union of the rules
 * of the policies that select it. Sources are workload names, or {@link #OUTSIDE} for a rule that admits
 * any source, an IP block or other namespaces.
 */
final class NetworkReachability {

	static final String OUTSIDE = "(outside)";

	private NetworkReachability() {
	}

	/** For each workload, the sources allowed to reach it. */
	static Map<String, Set<String>> allowedSources(KubernetesManifests manifests) {
		var workloads = manifests.workloads();
		var policies = manifests.all(NetworkPolicy.class).stream().filter(NetworkReachability::governsIngress).toList();
		var allowed = new TreeMap<String, Set<String>>();
		for (Workload target : workloads) {
			var selecting = policies.stream().filter(policy -> matches(policy.getSpec().getPodSelector(), target.podLabels())).toList();
			var sources = new TreeSet<String>();
			if (selecting.isEmpty()) {
				sources.add(OUTSIDE);
			}
			for (NetworkPolicy policy : selecting) {
				for (NetworkPolicyIngressRule rule : rules(policy)) {
					sources.addAll(sources(rule, workloads));
				}
			}
			allowed.put(target.name(), sources);
		}
		return allowed;
	}

	/** Ports opened by a policy that no pod it selects listens on: a typo that silently admits nothing. */
	static List<String> portsNobodyListensOn(KubernetesManifests manifests) {
		var violations = new ArrayList<String>();
		for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
			var selected = manifests.workloads().stream()
				.filter(workload -> matches(policy.getSpec().getPodSelector(), workload.podLabels())).toList();
			for (NetworkPolicyIngressRule rule : rules(policy)) {
				for (NetworkPolicyPort port : Optional.ofNullable(rule.getPorts()).orElse(List.of())) {
					boolean listened = selected.stream().flatMap(workload -> containerPorts(workload).stream())
						.anyMatch(containerPort -> port.getPort() == null
								|| port.getPort().getIntVal() != null && port.getPort().getIntVal().equals(containerPort.getContainerPort())
								|| port.getPort().getStrVal() != null && port.getPort().getStrVal().equals(containerPort.getName()));
					if (!listened) {
						violations.add(policy.getMetadata().getName() + " opens port " + port.getPort() + ", on which none of "
								+ selected.stream().map(Workload::name).toList() + " listens");
					}
				}
			}
		}
		return violations;
	}

	/** A policy that selects every pod, governs ingress and allows none. */
	static boolean isDefaultDenyIngress(NetworkPolicy policy) {
		LabelSelector selector = policy.getSpec().getPodSelector();
		boolean everyPod = selector == null || (Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).isEmpty()
				&& Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).isEmpty());
		return everyPod && governsIngress(policy) && rules(policy).isEmpty();
	}

	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return true;
		}
		boolean labelsMatch = Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet().stream()
			.allMatch(required -> required.getValue().equals(labels.get(required.getKey())));
		return labelsMatch && Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).stream()
			.allMatch(expression -> matches(expression, labels));
	}

	private static boolean matches(LabelSelectorRequirement expression, Map<String, String> labels) {
		String value = labels.get(expression.getKey());
		return switch (expression.getOperator()) {
			case "In" -> value != null && expression.getValues().contains(value);
			case "NotIn" -> value == null || !expression.getValues().contains(value);
			case "Exists" -> value != null;
			case "DoesNotExist" -> value == null;
			default -> throw new IllegalArgumentException("Unknown selector operator " + expression.getOperator());
		};
	}

	private static boolean governsIngress(NetworkPolicy policy) {
		List<String> types = policy.getSpec().getPolicyTypes();
		// without policyTypes, a policy governs ingress always (and egress only if it has egress rules)
		return types == null || types.isEmpty() || types.contains("Ingress");
	}

	private static List<NetworkPolicyIngressRule> rules(NetworkPolicy policy) {
		return Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of());
	}

	private static Set<String> sources(NetworkPolicyIngressRule rule, List<Workload> workloads) {
		List<NetworkPolicyPeer> peers = Optional.ofNullable(rule.getFrom()).orElse(List.of());
		if (peers.isEmpty()) {
			return Set.of(OUTSIDE);
		}
		var sources = new TreeSet<String>();
		for (NetworkPolicyPeer peer : peers) {
			if (peer.getIpBlock() != null || peer.getNamespaceSelector() != null || peer.getPodSelector() == null) {
				sources.add(OUTSIDE);
			}
			else {
				workloads.stream().filter(source -> matches(peer.getPodSelector(), source.podLabels()))
					.forEach(source -> sources.add(source.name()));
			}
		}
		return sources;
	}

	private static List<ContainerPort> containerPorts(Workload workload) {
		return workload.template().getSpec().getContainers().stream()
			.flatMap(container -> Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()).toList();
	}
}
