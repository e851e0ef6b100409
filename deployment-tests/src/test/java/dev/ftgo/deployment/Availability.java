package dev.ftgo.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.ftgo.deployment.KubernetesManifests.Workload;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What keeps a replicated workload serving through node drains and node losses: a PodDisruptionBudget for every
 * workload, and replicas spread over nodes. The checks answer their violations, one sentence each.
 */
final class Availability {

	static final String HOSTNAME = "kubernetes.io/hostname";

	private Availability() {
	}

	/**
	 * Every workload selected by exactly one PodDisruptionBudget (the eviction API refuses to evict a pod that
	 * several select), each budget selecting a workload, letting one pod go at a time and never blocking a drain:
	 * a budget that lets no pod go (maxUnavailable 0, or minAvailable as many as the replicas) stops every drain
	 * of a node running one of its pods.
	 */
	static List<String> disruptionBudgetViolations(KubernetesManifests manifests) {
		List<String> problems = new ArrayList<>();
		List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class);
		for (Workload workload : manifests.workloads()) {
			List<String> selecting = budgets.stream()
					.filter(budget -> NetworkReachability.matches(budget.getSpec().getSelector(), workload.podLabels()))
					.map(budget -> budget.getMetadata().getName()).toList();
			if (selecting.size() != 1) {
				problems.add(workload.name() + " is selected by " + selecting.size() + " PodDisruptionBudgets " + selecting
						+ ", not by one");
			}
		}
		for (PodDisruptionBudget budget : budgets) {
			String name = budget.getMetadata().getName();
			List<Workload> selected = manifests.workloads().stream()
					.filter(workload -> NetworkReachability.matches(budget.getSpec().getSelector(), workload.podLabels())).toList();
			if (budget.getSpec().getSelector() == null || selected.isEmpty()) {
				problems.add("PodDisruptionBudget " + name + " selects no workload");
			}
			Optional<Integer> maxUnavailable = integer(budget.getSpec().getMaxUnavailable());
			Optional<Integer> minAvailable = integer(budget.getSpec().getMinAvailable());
			if (maxUnavailable.isEmpty() == minAvailable.isEmpty()) {
				problems.add("PodDisruptionBudget " + name + " sets " + (maxUnavailable.isEmpty() ? "neither" : "both")
						+ " maxUnavailable and minAvailable (as a number of pods)");
			}
			if (maxUnavailable.filter(pods -> pods != 1).isPresent()) {
				problems.add("PodDisruptionBudget " + name + " lets " + maxUnavailable.get() + " pods go at a time, not 1");
			}
			minAvailable.ifPresent(pods -> selected.stream().filter(workload -> pods >= replicas(workload))
					.forEach(workload -> problems.add("PodDisruptionBudget " + name + " keeps " + pods + " of the "
							+ replicas(workload) + " pods of " + workload.name() + ": it blocks every drain")));
		}
		return problems;
	}

	/** Each of {@code names} spread over nodes by a constraint on the host name that counts its own pods. */
	static List<String> notSpreadOverNodes(KubernetesManifests manifests, Collection<String> names) {
		return names.stream().map(manifests::workload).filter(workload -> Optional
				.ofNullable(workload.template().getSpec().getTopologySpreadConstraints()).orElse(List.of()).stream()
				.noneMatch(constraint -> spreadsOverNodes(constraint, workload)))
				.map(workload -> workload.name() + " has no topology spread constraint on " + HOSTNAME
						+ " counting its own pods: its replicas may all run on one node")
				.toList();
	}

	private static boolean spreadsOverNodes(TopologySpreadConstraint constraint, Workload workload) {
		return HOSTNAME.equals(constraint.getTopologyKey()) && constraint.getLabelSelector() != null
				&& NetworkReachability.matches(constraint.getLabelSelector(), workload.podLabels())
				&& Optional.ofNullable(constraint.getMaxSkew()).orElse(0) == 1;
	}

	private static int replicas(Workload workload) {
		return Optional.ofNullable(workload.replicas()).orElse(1);
	}

	private static Optional<Integer> integer(IntOrString value) {
		return Optional.ofNullable(value).map(IntOrString::getIntVal);
	}
}
