package dev.ftgo.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** The library's tracing is optional: without a tracer, or without Micrometer Tracing at all, messages go untraced. */
class MessagingTracingConfigurationTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class))
			.withBean(DataSource.class, SimpleDriverDataSource::new);

	@Test
	void writesUntracedWithoutMicrometerTracingOnTheClasspath() {
		context.withClassLoader(new FilteredClassLoader(Tracer.class)).run(context -> {
			assertThat(context).hasSingleBean(OutboxWriter.class).doesNotHaveBean(TraceparentSource.class);
		});
	}

	@Test
	void writesUntracedWithoutATracerInTheApplication() {
		context.run(context -> {
			assertThat(context).hasSingleBean(OutboxWriter.class);
			assertThat(context.getBean(TraceparentSource.class)).isSameAs(TraceparentSource.NONE);
		});
	}

	@Test
	void takesTheTraceContextFromTheApplicationsTracer() {
		context.withBean(Tracer.class, () -> Tracer.NOOP).withBean(Propagator.class, () -> Propagator.NOOP).run(context -> {
			assertThat(context.getBean(TraceparentSource.class)).isInstanceOf(MicrometerTraceparents.class);
			// no span is current here
			assertThat(context.getBean(TraceparentSource.class).current()).isNull();
		});
	}
}
