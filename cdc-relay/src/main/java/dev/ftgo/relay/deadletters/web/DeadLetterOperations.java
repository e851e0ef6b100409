package dev.ftgo.relay.deadletters.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The OpenAPI description of the admin operations, one annotation each, so the controller shows the mapping. */
final class DeadLetterOperations {

	static final String UNAUTHORIZED = "No bearer token, or one that is expired, not signed by the FTGO identity "
			+ "server or not for the audience ftgo; WWW-Authenticate says which.";
	static final String NOT_ADMIN = "The caller is not an admin.";
	static final String UNAVAILABLE = "Kafka did not answer in time; try again.";

	private DeadLetterOperations() {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "listDeadLetters", summary = "List dead letters", description = """
			Admins only. The newest dead-lettered records first, of one dead-letter topic (?topic=order.events-dlt) or of \
			all, each with why it was parked and its latest replay.""")
	@ApiResponse(responseCode = "200", description = "The dead letters.", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "400", description = "Not a dead-letter topic, or a limit out of range.",
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "401", description = UNAUTHORIZED,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "403", description = NOT_ADMIN,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "503", description = UNAVAILABLE,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@interface List {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "getDeadLetter", summary = "Read one dead letter",
			description = "Admins only. The record with its message headers and payload.")
	@ApiResponse(responseCode = "200", description = "The dead letter.", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "400", description = "A partition or offset that is not a number, or negative.",
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "401", description = UNAUTHORIZED,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "403", description = NOT_ADMIN,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "404", description = "Not a dead-letter topic, or no record at that partition and offset.",
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "503", description = UNAVAILABLE,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@interface Read {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "replayDeadLetter", summary = "Replay one dead letter", description = """
			Admins only. Sends the record back to the topic it came from: same key, payload and message headers (the same \
			message id, so a consumer that applied it before drops the copy), plus the header replayOf. A record replayed \
			before is refused with 409 unless force=true. Logged with the caller's subject.""")
	@ApiResponse(responseCode = "200", description = "Replayed.", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "400", description = "A partition or offset that is not a number, or negative.",
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "401", description = UNAUTHORIZED,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "403", description = NOT_ADMIN,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "404", description = "Not a dead-letter topic, or no record at that partition and offset.",
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "409", description = "Replayed before (the problem's previousReplay says when and by whom).",
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "503", description = UNAVAILABLE,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@interface Replay {
	}

	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Operation(operationId = "replayDeadLetterTopic", summary = "Replay a whole dead-letter topic", description = """
			Admins only. Replays, as one by one, every record of the topic that was not replayed before; those are \
			listed as skipped.""")
	@ApiResponse(responseCode = "200", description = "What was replayed and what was skipped.", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "401", description = UNAUTHORIZED,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "403", description = NOT_ADMIN,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "404", description = "Not a dead-letter topic.",
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@ApiResponse(responseCode = "503", description = UNAVAILABLE,
			content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
	@interface ReplayTopic {
	}
}
