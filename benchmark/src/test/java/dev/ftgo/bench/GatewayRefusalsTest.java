package dev.ftgo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayRefusalsTest {

	private static String exposition(int fast503, int slow503, int fast429, int created) {
		return String.join("\n",
				"# TYPE http_server_requests_seconds histogram",
				bucket("POST", "503", "0.001", fast503), bucket("POST", "503", "0.1", fast503 + slow503),
				bucket("POST", "503", "+Inf", fast503 + slow503),
				bucket("POST", "429", "0.001", fast429), bucket("POST", "429", "0.1", fast429),
				bucket("POST", "429", "+Inf", fast429),
				bucket("POST", "201", "0.001", 0), bucket("POST", "201", "0.1", created), bucket("POST", "201", "+Inf", created),
				bucket("GET", "503", "0.001", 0), bucket("GET", "503", "0.1", 500), bucket("GET", "503", "+Inf", 500),
				"http_server_requests_seconds_count{method=\"POST\",status=\"503\"} " + (fast503 + slow503));
	}

	private static String bucket(String method, String status, String le, int count) {
		return "http_server_requests_seconds_bucket{error=\"none\",method=\"" + method + "\",status=\"" + status
				+ "\",uri=\"UNKNOWN\",le=\"" + le + "\"} " + count;
	}

	@Test
	void percentilesCountOnlyTheRefusedPostsOfTheWindow() {
		var before = GatewayRefusals.parse(exposition(10, 0, 0, 5));
		// in the window: 90 fast refusals (503 and 429 together) and 10 slow ones; created orders and GETs don't count
		var after = GatewayRefusals.parse(exposition(60, 10, 40, 900));

		assertThat(after.countSince(before)).isEqualTo(100);
		assertThat(after.percentileMillisSince(before, 50)).isEqualTo(1.0);
		assertThat(after.percentileMillisSince(before, 90)).isEqualTo(1.0);
		assertThat(after.percentileMillisSince(before, 99)).isEqualTo(100.0);
	}

	@Test
	void noRefusalsInTheWindowGiveNoFigure() {
		var reading = GatewayRefusals.parse(exposition(10, 0, 0, 5));

		assertThat(reading.percentileMillisSince(reading, 99)).isNaN();
		assertThat(GatewayRefusals.parse("").percentileMillisSince(GatewayRefusals.parse(""), 99)).isNaN();
	}

	@Test
	void countsTheGatewaysCollectionPausesOfEveryCollectorAndCause() {
		var before = GatewayRefusals.parse(String.join("\n",
				"jvm_gc_pause_seconds_count{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} 10",
				"jvm_gc_pause_seconds_sum{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} 0.1"));
		var after = GatewayRefusals.parse(String.join("\n",
				"jvm_gc_pause_seconds_count{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} 40",
				"jvm_gc_pause_seconds_sum{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} 0.5",
				"jvm_gc_pause_seconds_max{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} 0.059",
				"jvm_gc_pause_seconds_count{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"} 1",
				"jvm_gc_pause_seconds_sum{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"} 0.181",
				"jvm_gc_pause_seconds_max{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"} 0.181"));

		assertThat(after.pausesSince(before)).hasToString("31 pauses, 581 ms in all, the longest at most 181 ms");
		assertThat(after.countSince(before)).isZero();
		// the full collection Micrometer remembers came before the window, and so did the 59 ms minor one: the window's
		// single minor pause bounds it
		var quiet = GatewayRefusals.parse(String.join("\n",
				"jvm_gc_pause_seconds_count{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} 41",
				"jvm_gc_pause_seconds_sum{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} 0.53",
				"jvm_gc_pause_seconds_max{action=\"end of minor GC\",cause=\"Allocation Failure\",gc=\"Copy\"} 0.059",
				"jvm_gc_pause_seconds_count{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"} 1",
				"jvm_gc_pause_seconds_sum{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"} 0.181",
				"jvm_gc_pause_seconds_max{action=\"end of major GC\",cause=\"Allocation Failure\",gc=\"MarkSweepCompact\"} 0.181"));
		assertThat(quiet.pausesSince(after)).hasToString("1 pauses, 30 ms in all, the longest at most 30 ms");
	}
}
