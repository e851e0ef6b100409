package dev.ftgo.messaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer's side of a message contract, for its contract tests: reads a payload as one of the consumer's
 * subscriptions reads it (the class registered for the type, the {@link TolerantJson tolerant reader}), and says
 * where that reading differs from what the producer sent. Fed with the examples of the producer's schema
 * ({@link MessageContracts#examples}), it proves that the consumer understands what the producer documents,
 * without a broker or a Spring context.
 */
public final class ConsumerContract {

	private final MessageSubscription subscription;
	private final JsonMapper reader;
	private final JsonMapper writer;

	private ConsumerContract(MessageSubscription subscription, JsonMapper application) {
		this.subscription = subscription;
		this.reader = TolerantJson.reader(application);
		this.writer = application;
	}

	/** @param application the mapper the application reads with (its subscriptions make it tolerant) */
	public static ConsumerContract of(MessageSubscription subscription, JsonMapper application) {
		return new ConsumerContract(subscription, application);
	}

	/** With Jackson's defaults, which is what the services' mappers use for message payloads. */
	public static ConsumerContract of(MessageSubscription subscription) {
		return of(subscription, JsonMapper.builder().build());
	}

	/**
	 * The payload as the subscription hands it to its handler.
	 *
	 * @throws IllegalArgumentException when the subscription ignores {@code type}
	 * @throws tools.jackson.core.JacksonException when it cannot read the payload (the message would be dead-lettered)
	 */
	public Object read(String type, JsonNode payload) {
		Class<?> payloadType = subscription.payloadType(type).orElseThrow(() -> new IllegalArgumentException(
				subscription.topic() + " has no handler for " + type + ": the consumer ignores it"));
		return reader.readValue(writer.writeValueAsBytes(payload), payloadType);
	}

	/**
	 * Where {@code read} (what {@link #read} made of {@code sent}) disagrees with {@code sent}: a field the consumer
	 * reads with another value than was sent, or a field it reads although it was not sent, without defaulting it
	 * ({@code null}, {@code 0}, {@code false}). Fields the consumer does not know are not its business. One line
	 * each; empty when the consumer reads every field it knows as sent.
	 */
	public List<String> misread(Object read, JsonNode sent) {
		var differences = new ArrayList<String>();
		compare(writer.valueToTree(read), sent, "", differences);
		return differences;
	}

	/**
	 * What the consumer gets wrong of the examples the producer documents for {@code type} (its
	 * {@code <type>.schema.json} in {@code producerContracts}, the producer's folder of message schemas):
	 * each example's {@link #misread misreadings}, prefixed with its index, and a line when the extended example (the
	 * second, with a field the schema does not name) reads otherwise than the complete one (the first), because an
	 * unknown field must change nothing. Empty when the consumer reads every example as sent.
	 */
	public List<String> misreadExamples(String type, Path producerContracts) {
		var examples = MessageContracts.examples(producerContracts.resolve(type + ".schema.json"));
		var differences = new ArrayList<String>();
		for (int i = 0; i < examples.size(); i++) {
			var example = examples.get(i);
			for (String difference : misread(read(type, example), example)) {
				differences.add(type + " example " + i + ": " + difference);
			}
		}
		if (examples.size() > 1 && !Objects.equals(read(type, examples.get(1)), read(type, examples.get(0)))) {
			differences.add(type + " example 1 reads otherwise than example 0: its unknown field changed something");
		}
		return differences;
	}

	private static void compare(JsonNode seen, JsonNode sent, String path, List<String> differences) {
		if (seen.isObject()) {
			seen.forEachEntry((name, value) -> {
				JsonNode original = sent.get(name);
				if (original == null || original.isNull()) {
					if (!isDefault(value)) {
						differences.add(path + "/" + name + ": not sent, but read as " + value);
					}
				}
				else {
					compare(value, original, path + "/" + name, differences);
				}
			});
		}
		else if (seen.isArray()) {
			if (!sent.isArray() || sent.size() != seen.size()) {
				differences.add(path + ": sent " + sent + ", read as " + seen);
				return;
			}
			for (int i = 0; i < seen.size(); i++) {
				compare(seen.get(i), sent.get(i), path + "/" + i, differences);
			}
		}
		else if (!sameValue(seen, sent)) {
			differences.add(path + ": sent " + sent + ", read as " + seen);
		}
	}

	private static boolean sameValue(JsonNode seen, JsonNode sent) {
		if (seen.isNumber() && sent.isNumber()) {
			return seen.decimalValue().compareTo(sent.decimalValue()) == 0;
		}
		return seen.getNodeType() == sent.getNodeType() && seen.asString().equals(sent.asString());
	}

	private static boolean isDefault(JsonNode value) {
		return value.isNull() || value.isMissingNode() || (value.isNumber() && value.decimalValue().signum() == 0)
				|| (value.isBoolean() && !value.booleanValue());
	}
}
