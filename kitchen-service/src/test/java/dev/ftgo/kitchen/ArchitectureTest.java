package dev.ftgo.kitchen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;

import dev.ftgo.testsupport.ServiceArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain knows nothing of HTTP, JSON or Kafka (docs/decisions.md, "The domain knows no framework"). */
@AnalyzeClasses(packages = "dev.ftgo.kitchen", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	private static final ServiceArchitecture SERVICE = new ServiceArchitecture("dev.ftgo.kitchen");

	/**
	 * The domain announces changes through its own ports (RestaurantMessages, TicketMessages); messaging implements them.
	 * Who the caller is stays in the web layer too: it hands the domain a TicketAccess, never the token.
	 */
	@ArchTest
	static final ArchRule domainKnowsNoFramework = SERVICE.domainKnowsNoFramework(
			List.of("dev.ftgo.kitchen.restaurant", "dev.ftgo.kitchen.ticket"),
			"dev.ftgo.security..", "org.springframework.security..");

	@ArchTest
	static final ArchRule messagingAndWebStayApart = SERVICE.messagingAndWebStayApart();

	@ArchTest
	static final ArchRule adaptersGoThroughTheApplicationServices = SERVICE
			.adaptersGoThroughTheApplicationServices("Restaurants", "Tickets");

	@ArchTest
	static final ArchRule messagesLeaveThroughOneKindOfAdapter = SERVICE.messagesLeaveThroughOneKindOfAdapter();

	@ArchTest
	static final ArchRule onlyTheMessagingPackagesUseTheMessagingLibrary = SERVICE
			.onlyTheMessagingPackagesUseTheMessagingLibrary();

	/** Tickets look restaurants up, never the other way round. */
	@ArchTest
	static final ArchRule restaurantsDoNotKnowTickets = noClasses()
			.that().resideInAPackage("dev.ftgo.kitchen.restaurant..")
			.should().dependOnClassesThat().resideInAPackage("dev.ftgo.kitchen.ticket..");
}
