package dev.ftgo.messaging;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The current span as the application's own propagator writes it onto an outgoing HTTP request, so a message
 * carries exactly what a call would. With Boot's default W3C propagation that includes {@code traceparent};
 * with another format (B3 only) there is none, and the message goes without.
 */
final class MicrometerTraceparents implements TraceparentSource {

	private final Tracer tracer;
	private final Propagator propagator;

	MicrometerTraceparents(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	@Override
	public String current() {
		Span span = tracer.currentSpan();
		if (span == null || span.isNoop()) {
			return null;
		}
		Map<String, String> fields = new HashMap<>(4);
		propagator.inject(span.context(), fields, Map::put);
		return fields.get(MessageHeaderNames.TRACEPARENT);
	}
}
