package dev.ftgo.relay.deadletters.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.ftgo.web.openapi.ProblemResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The OpenAPI description of the admin operations, one annotation each, so the controller shows the mapping. The
 * 401, 403 and 503 of every operation are the relay's ({@link ApiDocumentation}).
 */
final class DeadLetterOperations {

	static final String MALFORMED_POSITION = "A partition or offset that is not a number, or negative.";
	static final String NO_SUCH_RECORD = "Not a dead-letter topic, or no record at that partition and offset.";

	private DeadLetterOperations() {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "listDeadLetters", summary = "List dead letters", description = """
			Admins only. The newest dead-lettered records first, of one dead-letter topic (?topic=order.events-dlt) or of \
			all, each with why it was parked and its latest replay.""")
	@ApiResponse(responseCode = "200", description = "The dead letters.", useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = "Not a dead-letter topic, or a limit out of range.")
	@interface List {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "getDeadLetter", summary = "Read one dead letter",
			description = "Admins only. The record with its message headers and payload.")
	@ApiResponse(responseCode = "200", description = "The dead letter.", useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = MALFORMED_POSITION)
	@ProblemResponse(status = 404, description = NO_SUCH_RECORD)
	@interface Read {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "replayDeadLetter", summary = "Replay one dead letter", description = """
			Admins only. Sends the record back to the topic it came from: same key, payload and message headers (the same \
			message id, so a consumer that applied it before drops the copy), plus the header replayOf. A record replayed \
			before is refused with 409 unless force=true. Logged with the caller's subject.""")
	@ApiResponse(responseCode = "200", description = "Replayed.", useReturnTypeSchema = true)
	@ProblemResponse(status = 400, description = MALFORMED_POSITION)
	@ProblemResponse(status = 404, description = NO_SUCH_RECORD)
	@ProblemResponse(status = 409, description = "Replayed before (the problem's previousReplay says when and by whom).")
	@interface Replay {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "replayDeadLetterTopic", summary = "Replay a whole dead-letter topic", description = """
			Admins only. Replays, as one by one, every record of the topic that was not replayed before; those are \
			listed as skipped.""")
	@ApiResponse(responseCode = "200", description = "What was replayed and what was skipped.", useReturnTypeSchema = true)
	@ProblemResponse(status = 404, description = "Not a dead-letter topic.")
	@interface ReplayTopic {
	}
}
