package dev.ftgo.kitchen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain knows nothing of HTTP, JSON or Kafka (docs/decisions.md, "The domain knows no framework"). */
@AnalyzeClasses(packages = "dev.ftgo.kitchen", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/**
	 * The domain announces changes through its own ports (RestaurantEvents, TicketEvents); messaging implements them.
	 * Who the caller is stays in the web layer too: it hands the domain a TicketAccess, never the token.
	 */
	@ArchTest
	static final ArchRule domainIsFreeOfWebAndMessaging = noClasses()
			.that().resideInAnyPackage("dev.ftgo.kitchen.restaurant", "dev.ftgo.kitchen.ticket")
			.should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
					"org.springframework.kafka..", "org.apache.kafka..", "tools.jackson..", "com.fasterxml.jackson..",
					"dev.ftgo.messaging..", "dev.ftgo.kitchen.web..", "dev.ftgo.kitchen.restaurant.web..",
					"dev.ftgo.kitchen.ticket.web..", "dev.ftgo.kitchen.restaurant.messaging..",
					"dev.ftgo.kitchen.ticket.messaging..", "dev.ftgo.security..", "org.springframework.security..");

	/** HTTP and Kafka are two doors into the same use cases; neither goes through the other. */
	@ArchTest
	static final ArchRule webAndMessagingStayApart = noClasses()
			.that().resideInAPackage("..messaging..")
			.should().dependOnClassesThat().resideInAPackage("..web..");

	@ArchTest
	static final ArchRule webAndMessagingDoNotReachIntoPersistence = noClasses()
			.that().resideInAnyPackage("..web..", "..messaging..")
			.should().dependOnClassesThat().haveSimpleNameEndingWith("Restaurants")
			.orShould().dependOnClassesThat().haveSimpleNameEndingWith("Tickets");

	/** Tickets look restaurants up, never the other way round. */
	@ArchTest
	static final ArchRule restaurantsDoNotKnowTickets = noClasses()
			.that().resideInAPackage("dev.ftgo.kitchen.restaurant..")
			.should().dependOnClassesThat().resideInAPackage("dev.ftgo.kitchen.ticket..");
}
