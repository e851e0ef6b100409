package dev.ftgo.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import dev.ftgo.deployment.KubernetesManifests.Workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;

/**
 * What every pod of k8s/ must satisfy, as a list of violations (empty when all is well): probes, resource
 * requests and limits, and a security context that Pod Security's "restricted" level admits, with a
 * read-only root file system on top.
 */
final class PodChecks {

	private PodChecks() {
	}

	static List<String> withoutProbes(List<Workload> workloads) {
		return eachContainer(workloads, (workload, container) -> Stream.of(
				container.getLivenessProbe() == null ? "no livenessProbe" : null,
				container.getReadinessProbe() == null ? "no readinessProbe" : null));
	}

	static List<String> withoutRequestsAndLimits(List<Workload> workloads) {
		return eachContainer(workloads, (workload, container) -> {
			ResourceRequirements resources = Optional.ofNullable(container.getResources()).orElseGet(ResourceRequirements::new);
			return Stream.of("cpu", "memory").flatMap(resource -> Stream.of(
					missing(resources.getRequests(), resource) ? "no " + resource + " request" : null,
					missing(resources.getLimits(), resource) ? "no " + resource + " limit" : null));
		});
	}

	private static boolean missing(Map<String, ?> quantities, String resource) {
		return quantities == null || quantities.get(resource) == null;
	}

	/** Pod Security "restricted", plus a read-only root file system and no Kubernetes API token. */
	static List<String> notRestricted(List<Workload> workloads) {
		var violations = new ArrayList<String>();
		for (Workload workload : workloads) {
			PodSpec pod = workload.template().getSpec();
			PodSecurityContext context = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
			if (!Boolean.TRUE.equals(context.getRunAsNonRoot())) {
				violations.add(workload.name() + ": runAsNonRoot is not true");
			}
			if (Objects.equals(context.getRunAsUser(), 0L) || Objects.equals(context.getRunAsGroup(), 0L)) {
				violations.add(workload.name() + ": runs as user or group 0");
			}
			if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
				violations.add(workload.name() + ": mounts a service account token it never uses");
			}
			if (!Boolean.FALSE.equals(pod.getEnableServiceLinks())) {
				violations.add(workload.name() + ": gets *_SERVICE_HOST/*_PORT variables of every Service (enableServiceLinks)");
			}
			if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
					|| Boolean.TRUE.equals(pod.getHostIPC())) {
				violations.add(workload.name() + ": shares a host namespace");
			}
			for (Container container : containers(pod)) {
				violations.addAll(notRestricted(workload, context, container));
			}
		}
		return violations;
	}

	private static List<String> notRestricted(Workload workload, PodSecurityContext pod, Container container) {
		String at = workload.name() + "/" + container.getName() + ": ";
		SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
		var violations = new ArrayList<String>();
		if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
			violations.add(at + "allowPrivilegeEscalation is not false");
		}
		if (Boolean.TRUE.equals(context.getPrivileged())) {
			violations.add(at + "privileged");
		}
		if (context.getCapabilities() == null || context.getCapabilities().getDrop() == null
				|| !context.getCapabilities().getDrop().contains("ALL")) {
			violations.add(at + "capabilities do not drop ALL");
		}
		if (context.getCapabilities() != null && context.getCapabilities().getAdd() != null
				&& !context.getCapabilities().getAdd().isEmpty()) {
			violations.add(at + "adds capabilities " + context.getCapabilities().getAdd());
		}
		if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
			violations.add(at + "readOnlyRootFilesystem is not true");
		}
		if (Boolean.FALSE.equals(context.getRunAsNonRoot()) || Objects.equals(context.getRunAsUser(), 0L)) {
			violations.add(at + "may run as root");
		}
		SeccompProfile seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile() : pod.getSeccompProfile();
		if (seccomp == null || !List.of("RuntimeDefault", "Localhost").contains(seccomp.getType())) {
			violations.add(at + "no RuntimeDefault seccomp profile");
		}
		return violations;
	}

	/**
	 * The Spring Boot processes ({@link #isSpringBootApp}): probed on the actuator's liveness and readiness
	 * groups, and given a writable {@code /tmp} (java.io.tmpdir) since their root file system is read-only.
	 */
	static List<String> springBootAppsNotProbedOnHealthGroups(List<Workload> workloads) {
		return eachContainer(workloads, (workload, container) -> !isSpringBootApp(container) ? Stream.empty()
				: Stream.of(
						httpPath(container.getLivenessProbe()).equals("/actuator/health/liveness") ? null
								: "liveness probe is not GET /actuator/health/liveness",
						httpPath(container.getReadinessProbe()).equals("/actuator/health/readiness") ? null
								: "readiness probe is not GET /actuator/health/readiness",
						hasEmptyDirAt(workload, container, "/tmp") ? null : "no emptyDir at /tmp"));
	}

	/** The images of this project but the identity, which is no Spring application (docker/identity.Dockerfile). */
	static boolean isSpringBootApp(Container container) {
		return container.getImage() != null && container.getImage().startsWith("ftgo/")
				&& !TokenIssuers.isIdentityImage(container.getImage());
	}

	private static String httpPath(Probe probe) {
		return probe == null || probe.getHttpGet() == null ? "" : probe.getHttpGet().getPath();
	}

	private static boolean hasEmptyDirAt(Workload workload, Container container, String path) {
		List<Volume> volumes = Optional.ofNullable(workload.template().getSpec().getVolumes()).orElse(List.of());
		return Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
			.filter(mount -> mount.getMountPath().equals(path))
			.anyMatch(mount -> volumes.stream().anyMatch(volume -> volume.getName().equals(mount.getName())
					&& volume.getEmptyDir() != null));
	}

	/**
	 * Images by name and tag only, as Docker Hub's official images and the locally built ftgo/* images are
	 * named: no registry host (a first path segment with a dot or a port, or localhost), no digest-less
	 * {@code latest}.
	 */
	static List<String> imagesNamingARegistryHostOrNoTag(List<Workload> workloads) {
		return eachContainer(workloads, (workload, container) -> {
			String image = Optional.ofNullable(container.getImage()).orElse("");
			String first = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
			String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
			return Stream.of(
					first.contains(".") || first.contains(":") || first.equals("localhost") ? "image " + image + " names a registry host" : null,
					tag.isEmpty() || tag.equals("latest") ? "image " + image + " has no fixed tag" : null);
		});
	}

	static List<Container> containers(PodSpec pod) {
		return Stream.concat(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(),
				pod.getContainers().stream()).toList();
	}

	private static List<String> eachContainer(List<Workload> workloads, BiFunction<Workload, Container, Stream<String>> check) {
		return workloads.stream().flatMap(workload -> containers(workload.template().getSpec()).stream()
				.flatMap(container -> check.apply(workload, container).filter(Objects::nonNull)
					.map(violation -> workload.name() + "/" + container.getName() + ": " + violation)))
			.toList();
	}
}
