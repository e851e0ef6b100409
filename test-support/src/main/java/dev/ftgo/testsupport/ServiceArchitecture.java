package dev.ftgo.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The layering every service shares, for its {@code ArchitectureTest}: the domain knows no framework, HTTP and
 * Kafka are two doors into the same use cases that never go through each other, only the features'
 * {@code messaging} packages use the messaging library, and an aggregate's messages leave through one kind of
 * adapter, named alike everywhere. A service names its base package, its domain packages and its repositories;
 * what it allows beyond these rules it says in its own test.
 */
public final class ServiceArchitecture {

	/** What the domain must not know: HTTP, JSON, Kafka and the libraries that carry them. */
	private static final List<String> FRAMEWORKS = List.of("org.springframework.web..", "org.springframework.http..",
			"org.springframework.kafka..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..",
			"dev.ftgo.messaging..", "dev.ftgo.web..");

	// named, not referenced: this library does not depend on the messaging library
	private static final String OUTBOX_ADAPTER = "dev.ftgo.messaging.OutboxAdapter";
	private static final String MESSAGING = ".messaging";

	private final String basePackage;

	/** For the service whose classes are in {@code basePackage} and below, e.g. {@code dev.ftgo.order}. */
	public ServiceArchitecture(String basePackage) {
		this.basePackage = basePackage;
	}

	/**
	 * The classes of {@code domainPackages} (not their sub-packages, where the adapters are) depend on no
	 * framework and on none of the service's web and messaging adapters, nor on {@code alsoForbidden}.
	 */
	public ArchRule domainKnowsNoFramework(List<String> domainPackages, String... alsoForbidden) {
		var forbidden = Stream.of(FRAMEWORKS.stream(), adapters().stream(), Arrays.stream(alsoForbidden))
				.flatMap(packages -> packages)
				.toArray(String[]::new);
		return noClasses().that().resideInAnyPackage(domainPackages.toArray(String[]::new))
				.should().dependOnClassesThat().resideInAnyPackage(forbidden)
				.because("the domain knows no framework (docs/decisions.md)");
	}

	/** HTTP and Kafka are two doors into the same use cases; neither goes through the other. */
	public ArchRule messagingAndWebStayApart() {
		return noClasses().that().resideInAPackage(basePackage + "..messaging..")
				.should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
						"org.springframework.http..", basePackage + "..web..");
	}

	/** The adapters go through the application services, never straight to these repositories (simple names). */
	public ArchRule adaptersGoThroughTheApplicationServices(String... repositories) {
		DescribedPredicate<JavaClass> repository = Arrays.stream(repositories)
				.map(JavaClass.Predicates::simpleName)
				.reduce(DescribedPredicate.alwaysFalse(), (some, other) -> some.or(other));
		return noClasses().that().resideInAnyPackage(adapters().toArray(String[]::new))
				.should().dependOnClassesThat(repository.as("are the repositories " + Arrays.toString(repositories)));
	}

	/**
	 * Outbox and subscriptions are the business of each feature's {@code messaging} sub-package; {@code allowed}
	 * are the library's classes that other packages may use too.
	 */
	public ArchRule onlyTheMessagingPackagesUseTheMessagingLibrary(Class<?>... allowed) {
		return noClasses().that().resideOutsideOfPackages(basePackage + "..messaging..")
				.should().dependOnClassesThat(resideInAnyPackage("dev.ftgo.messaging..", "org.springframework.kafka..",
						"org.apache.kafka..").and(not(belongToAnyOf(allowed))));
	}

	/**
	 * An aggregate's messages leave the same way in every service: its package declares the port
	 * {@code <Aggregate>Messages}, and the feature's {@code messaging} package implements it as
	 * {@code Outbox<Aggregate>Messages}, an {@code OutboxAdapter}. Fails too when the service has no such adapter.
	 */
	public ArchRule messagesLeaveThroughOneKindOfAdapter() {
		return classes().that().areAssignableTo(OUTBOX_ADAPTER).and().doNotHaveFullyQualifiedName(OUTBOX_ADAPTER)
				.should(implementTheirFeaturesMessagesPort())
				.allowEmptyShould(false);
	}

	private static ArchCondition<JavaClass> implementTheirFeaturesMessagesPort() {
		return new ArchCondition<>("be named Outbox<Port> in <feature>" + MESSAGING
				+ " and implement one port <feature>.<Aggregate>Messages") {

			@Override
			public void check(JavaClass adapter, ConditionEvents events) {
				var featurePackage = adapter.getPackageName().endsWith(MESSAGING)
						? adapter.getPackageName().substring(0, adapter.getPackageName().length() - MESSAGING.length())
						: null;
				var ports = adapter.getRawInterfaces().stream()
						.filter(port -> port.getPackageName().equals(featurePackage) && port.getSimpleName().endsWith("Messages"))
						.toList();
				var satisfied = ports.size() == 1 && adapter.getSimpleName().equals("Outbox" + ports.get(0).getSimpleName());
				events.add(new SimpleConditionEvent(adapter, satisfied, adapter.getName() + (satisfied ? " does" : " does not")
						+ " implement one port <feature>.<Aggregate>Messages as Outbox<Port> in <feature>" + MESSAGING));
			}
		};
	}

	private List<String> adapters() {
		return List.of(basePackage + "..web..", basePackage + "..messaging..");
	}
}
