package dev.ftgo.order;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import dev.ftgo.messaging.RetentionPurge;
import dev.ftgo.testsupport.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The domain knows nothing of HTTP, JSON, Kafka or how remote calls are made; the adapters (web, messaging,
 * clients) depend on it, never the other way round (docs/decisions.md, "The domain knows no framework").
 */
@AnalyzeClasses(packages = "dev.ftgo.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final ServiceArchitecture SERVICE = new ServiceArchitecture("dev.ftgo.order");

	/** Nor how the other services are called, nor the wire shapes: the clients and the replicas are adapters too. */
	@ArchTest
	static final ArchRule domainKnowsNoFramework = SERVICE.domainKnowsNoFramework(List.of("dev.ftgo.order.order"),
			"io.github.resilience4j..", "org.springframework.cloud..", "dev.ftgo.order.wire..",
			"dev.ftgo.order.client..", "dev.ftgo.order.consumer..", "dev.ftgo.order.restaurant..");

	@ArchTest
	static final ArchRule messagingAndWebStayApart = SERVICE.messagingAndWebStayApart();

	@ArchTest
	static final ArchRule adaptersGoThroughTheApplicationServices = SERVICE
			.adaptersGoThroughTheApplicationServices("Orders");

	@ArchTest
	static final ArchRule messagesLeaveThroughOneKindOfAdapter = SERVICE.messagesLeaveThroughOneKindOfAdapter();

	/** The library's {@link RetentionPurge} is plain JDBC housekeeping, which the idempotency keys share with the inbox. */
	@ArchTest
	static final ArchRule onlyTheMessagingPackagesUseTheMessagingLibrary = SERVICE
			.onlyTheMessagingPackagesUseTheMessagingLibrary(RetentionPurge.class);

	@ArchTest
	static final ArchRule onlyTheClientsTalkToOtherServices = noClasses()
			.that().resideOutsideOfPackages("dev.ftgo.order.client..", "dev.ftgo.order.consumer..",
					"dev.ftgo.order.restaurant..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.client..",
					"org.springframework.web.service..",
					"io.github.resilience4j..", "org.springframework.cloud.client..");
}
