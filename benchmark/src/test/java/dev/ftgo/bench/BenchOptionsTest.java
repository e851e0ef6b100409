package dev.ftgo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ftgo.bench.BenchOptions.Measurement;

class BenchOptionsTest {

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
	private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

	@Test
	void defaultsMeasureEverythingWithAStackOfItsOwn() {
		BenchOptions options = BenchOptions.parse(List.of(), out);

		assertThat(options.rows()).isEqualTo(50_000);
		assertThat(options.rate()).isEqualTo(50.0);
		assertThat(options.only()).containsExactlyInAnyOrder(Measurement.values());
		assertThat(options.ownStack()).isTrue();
		assertThat(options.producerRecordCount()).isEqualTo(50_000);
		assertThat(options.profiles()).isTrue();
	}

	@Test
	void readsTheOptionsItIsGiven() {
		BenchOptions options = BenchOptions.parse(List.of("--rows=5000", "--seconds", "15", "--only=orders,Drain",
				"--gateway=http://localhost:8080/", "--kafka=127.0.0.1:19092", "--keep-run-dir", "--no-profiles"), out);

		assertThat(options.rows()).isEqualTo(5000);
		assertThat(options.seconds()).isEqualTo(15);
		assertThat(options.only()).containsExactlyInAnyOrder(Measurement.ORDERS, Measurement.DRAIN);
		assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
		assertThat(options.kafka()).isEqualTo("127.0.0.1:19092");
		assertThat(options.keepRunDir()).isTrue();
		assertThat(options.profiles()).isFalse();
		assertThat(options.ownStack()).isFalse();
	}

	@Test
	void refusesWhatItCannotRun() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--rows=lots"), out))
				.withMessageContaining("--rows");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--rows=0"), out))
				.withMessage("--rows must be at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--only=everything"), out))
				.withMessageContaining("DRAIN, LAG, ORDERS, PRODUCER, OUTAGE");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--fast"), out))
				.withMessageContaining("--fast");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(List.of("--kafka=127.0.0.1:19092"), out))
				.withMessage("--order-service, --kafka and --identity go with --gateway");
	}

	@Test
	void printsTheHelpGeneratedFromTheOptions() {
		assertThat(BenchOptions.parse(List.of("--help"), out)).isNull();

		assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Usage: ./bench")
				.contains("--rows=K", "--only=MEASUREMENT", "--gateway=URL", "Figures are printed, never asserted.");
	}
}
