package dev.ftgo.messaging;

/**
 * The W3C {@code traceparent} of the span that is current on the calling thread, for {@link OutboxWriter} to
 * put on a message that does not carry one. The auto-configuration provides one backed by Micrometer Tracing
 * when the application has a tracer; without one, messages are sent without a trace context.
 */
@FunctionalInterface
public interface TraceparentSource {

	/** For applications without tracing: no trace context, ever. */
	TraceparentSource NONE = () -> null;

	/** @return {@code 00-<trace id>-<span id>-<flags>}, or {@code null} when no span is current */
	String current();
}
