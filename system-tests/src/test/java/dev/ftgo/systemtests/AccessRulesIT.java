package dev.ftgo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Who may do what: the access table of docs/security.md, cell by cell ({@link AccessMatrix}), on the
 * {@link SharedStack}, which runs every service and holds real orders and tickets.
 */
@Order(SharedStack.FIRST + 3)
class AccessRulesIT extends OnSharedStack {

	/** Through the gateway and straight at each service. */
	@Test
	void enforcesTheAccessRulesThroughTheGatewayAndAtEveryService() {
		var disagreements = new AccessMatrix(stack, fixtures).run();

		assertThat(disagreements).as("cells of the access table answered otherwise").isEmpty();
	}
}
