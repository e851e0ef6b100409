package dev.ftgo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class OrderResultsTest {

	private final OrderResults results = new OrderResults(
			BenchOptions.parse(List.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)), null, 32);

	@Test
	void theOverheadIsTheRatioOfTheMeanLatencies() {
		Result overhead = results.overhead(run(201, 120), run(201, 100), run(201, 30), run(201, 25), 3);

		assertThat(overhead.figures()).containsEntry("meanRatio", 1.2);
		assertThat(Summary.of(List.of(overhead))).containsEntry("gatewayOverhead", 1.2);
	}

	@Test
	void aDirectLoadThatCreatedNoOrderIsAFailedMeasurementNotAnOverheadMet() {
		// e.g. --order-service naming a port where something else answers 404
		Result overhead = results.overhead(run(201, 120), run(404, 3), run(201, 30), run(404, 3), 3);

		assertThat(overhead.summary()).startsWith("failed: no order was created straight to order-service")
			.contains("{404=20}");
		assertThat(Summary.of(List.of(overhead))).containsEntry("gatewayOverhead", null);
	}

	private static LoadRun run(int status, double latencyMs) {
		List<HttpLoad.Sample> samples = IntStream.range(0, 20)
			.mapToObj(i -> new HttpLoad.Sample(i, i / 10.0, latencyMs, status, status == 201 ? "order-" + i : null, false))
			.toList();
		return new LoadRun(samples, 2, Map.of(), Map.of());
	}
}
