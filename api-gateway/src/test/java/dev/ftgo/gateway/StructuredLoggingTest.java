package dev.ftgo.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.micrometer.tracing.Tracer;

/**
 * The switch to JSON logs ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}), the same in every process: one JSON
 * object per line, with the service's name and, inside a span, its trace and span ids.
 */
@SpringBootTest(properties = { "eureka.client.enabled=false", "logging.structured.format.console=ecs" })
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTest {

	@Autowired
	Tracer tracer;

	@Test
	void logsOneJsonObjectPerLineWithTheTraceOfTheCurrentSpan(CapturedOutput output) {
		var span = tracer.nextSpan().name("structured").start();
		try (var scope = tracer.withSpan(span)) {
			LoggerFactory.getLogger(StructuredLoggingTest.class).info("inside a span");
		}
		finally {
			span.end();
		}

		var line = output.getOut().lines().filter(logged -> logged.contains("inside a span")).findFirst().orElseThrow();
		assertThat(line).startsWith("{").endsWith("}")
				.contains("\"name\":\"api-gateway\"", "\"message\":\"inside a span\"")
				.contains(span.context().traceId(), span.context().spanId());
	}
}
