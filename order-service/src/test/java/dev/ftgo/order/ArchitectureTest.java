package dev.ftgo.order;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import dev.ftgo.messaging.RetentionPurge;

/**
 * The domain knows nothing of HTTP, JSON, Kafka or how remote calls are made; the adapters (web, messaging,
 * clients) depend on it, never the other way round (docs/decisions.md, "The domain knows no framework").
 */
@AnalyzeClasses(packages = "dev.ftgo.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainIsFreeOfWebMessagingAndRemoting = noClasses()
			.that().resideInAPackage("dev.ftgo.order.order")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
					"org.springframework.kafka..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..",
					"io.github.resilience4j..", "org.springframework.cloud..",
					"dev.ftgo.messaging..", "dev.ftgo.order.order.web..", "dev.ftgo.order.order.messaging..",
					"dev.ftgo.order.web..", "dev.ftgo.order.client..", "dev.ftgo.order.consumer..",
					"dev.ftgo.order.restaurant..");

	@ArchTest
	static final ArchRule webDoesNotReachIntoPersistence = noClasses()
			.that().resideInAPackage("..web..")
			.should().dependOnClassesThat().haveSimpleName("Orders");

	/**
	 * Outbox and subscriptions are the business of each feature's {@code messaging} sub-package. The library's
	 * {@link RetentionPurge} is plain JDBC housekeeping, which the idempotency keys share with the inbox.
	 */
	@ArchTest
	static final ArchRule onlyTheMessagingPackagesUseTheMessagingLibrary = noClasses()
			.that().resideOutsideOfPackages("..messaging..")
			.should().dependOnClassesThat(resideInAnyPackage("dev.ftgo.messaging..", "org.springframework.kafka..",
					"org.apache.kafka..").and(not(equivalentTo(RetentionPurge.class))));

	@ArchTest
	static final ArchRule onlyTheClientsTalkToOtherServices = noClasses()
			.that().resideOutsideOfPackages("dev.ftgo.order.client..", "dev.ftgo.order.consumer..",
					"dev.ftgo.order.restaurant..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..",
					"io.github.resilience4j..", "org.springframework.cloud.client..");
}
