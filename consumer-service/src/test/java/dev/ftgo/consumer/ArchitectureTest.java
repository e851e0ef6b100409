package dev.ftgo.consumer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain knows nothing of HTTP, JSON or Kafka (docs/decisions.md, "The domain knows no framework"). */
@AnalyzeClasses(packages = "dev.ftgo.consumer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainIsFreeOfWebAndMessaging = noClasses()
			.that().resideInAPackage("dev.ftgo.consumer.consumer")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
					"org.springframework.kafka..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..",
					"dev.ftgo.messaging..", "dev.ftgo.consumer.consumer.web..", "dev.ftgo.consumer.consumer.messaging..",
					"dev.ftgo.consumer.web..");

	@ArchTest
	static final ArchRule adaptersGoThroughTheApplicationServices = noClasses()
			.that().resideInAnyPackage("..web..", "..messaging..")
			.should().dependOnClassesThat().haveSimpleName("Consumers")
			.orShould().dependOnClassesThat().haveSimpleName("Notifications");

	@ArchTest
	static final ArchRule messagingAndWebStayApart = noClasses()
			.that().resideInAPackage("dev.ftgo.consumer.consumer.messaging..")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
					"dev.ftgo.consumer.consumer.web..", "dev.ftgo.consumer.web..");
}
