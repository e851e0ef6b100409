package dev.ftgo.web;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** How a service's own advice builds its problems, so that they look like the shared ones. */
public final class Problems {

	/**
	 * The order of a service's advice for its domain's exceptions: before the shared handling, whose catch-all
	 * would otherwise answer them (Spring MVC asks the advices in order and the first with a matching handler wins).
	 */
	public static final int SERVICE_ADVICE_ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	private Problems() {
	}

	/** A problem of type {@code about:blank} with this status, title and detail. */
	public static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		problem.setType(URI.create("about:blank"));
		return problem;
	}

	/** The answer carrying {@code problem}, with its status. */
	public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}
}
