package dev.ftgo.consumer;

import java.util.List;

import dev.ftgo.testsupport.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain knows nothing of HTTP, JSON or Kafka (docs/decisions.md, "The domain knows no framework"). */
@AnalyzeClasses(packages = "dev.ftgo.consumer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final ServiceArchitecture SERVICE = new ServiceArchitecture("dev.ftgo.consumer");

	@ArchTest
	static final ArchRule domainKnowsNoFramework = SERVICE.domainKnowsNoFramework(List.of("dev.ftgo.consumer.consumer"));

	@ArchTest
	static final ArchRule messagingAndWebStayApart = SERVICE.messagingAndWebStayApart();

	@ArchTest
	static final ArchRule adaptersGoThroughTheApplicationServices = SERVICE
			.adaptersGoThroughTheApplicationServices("Consumers", "Notifications");

	@ArchTest
	static final ArchRule messagesLeaveThroughOneKindOfAdapter = SERVICE.messagesLeaveThroughOneKindOfAdapter();

	@ArchTest
	static final ArchRule onlyTheMessagingPackagesUseTheMessagingLibrary = SERVICE
			.onlyTheMessagingPackagesUseTheMessagingLibrary();
}
