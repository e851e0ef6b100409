package dev.ftgo.relay.deadletters.web;

import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ftgo.relay.deadletters.DeadLetterId;
import dev.ftgo.relay.deadletters.DeadLetters;
import dev.ftgo.relay.deadletters.InvalidDeadLetterRequestException;
import dev.ftgo.relay.deadletters.UnknownDeadLetterTopicException;
import dev.ftgo.relay.deadletters.web.DeadLetterResponses.DeadLetterDetails;
import dev.ftgo.relay.deadletters.web.DeadLetterResponses.DeadLetterList;
import dev.ftgo.relay.deadletters.web.DeadLetterResponses.DeadLetterView;
import dev.ftgo.relay.deadletters.web.DeadLetterResponses.ReplayView;
import dev.ftgo.relay.deadletters.web.DeadLetterResponses.TopicReplayView;
import dev.ftgo.security.Caller;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;

/** The dead-letter topics for operators; admins only, here as at the gateway. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@Tag(name = "Dead letters", description = "Records the consumers gave up on: why, and sending them back once fixed.")
class DeadLetterController {

	private final DeadLetters deadLetters;
	private final JsonMapper json;

	DeadLetterController(DeadLetters deadLetters, JsonMapper json) {
		this.deadLetters = deadLetters;
		this.json = json;
	}

	@GetMapping
	@DeadLetterOperations.List
	DeadLetterList list(Caller caller,
			@Parameter(description = "One dead-letter topic, e.g. order.events-dlt; all when absent")
			@RequestParam Optional<String> topic,
			@Parameter(description = "At most this many records (default 100, at most 1000)")
			@RequestParam(required = false) Integer limit) {
		caller.requireAdmin();
		try {
			var listed = deadLetters.list(topic, limit);
			return new DeadLetterList(deadLetters.topics(), listed.stream().map(DeadLetterView::of).toList());
		}
		catch (UnknownDeadLetterTopicException unknown) {
			// a filter, not the resource: a bad value of it is a bad request
			throw new InvalidDeadLetterRequestException(unknown.getMessage());
		}
	}

	@GetMapping("/{topic}/{partition}/{offset}")
	@DeadLetterOperations.Read
	DeadLetterDetails show(Caller caller, @PathVariable String topic, @PathVariable int partition,
			@PathVariable long offset) {
		caller.requireAdmin();
		return DeadLetterDetails.of(deadLetters.show(id(topic, partition, offset)), json);
	}

	@PostMapping("/{topic}/{partition}/{offset}/replay")
	@DeadLetterOperations.Replay
	ReplayView replay(Caller caller, @PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
			@Parameter(description = "Replay even if it was replayed before") @RequestParam(defaultValue = "false") boolean force) {
		caller.requireAdmin();
		return ReplayView.of(deadLetters.replay(id(topic, partition, offset), caller.subject(), force));
	}

	@PostMapping("/{topic}/replay")
	@DeadLetterOperations.ReplayTopic
	TopicReplayView replayTopic(Caller caller, @PathVariable String topic) {
		caller.requireAdmin();
		return TopicReplayView.of(deadLetters.replayAll(topic, caller.subject()));
	}

	private static DeadLetterId id(String topic, int partition, long offset) {
		if (partition < 0 || offset < 0) {
			throw new InvalidDeadLetterRequestException("Partition and offset are never negative: " + partition + ", " + offset);
		}
		return new DeadLetterId(topic, partition, offset);
	}
}
