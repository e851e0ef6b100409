package dev.ftgo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProfileFindingsTest {

	private static final String SERVLET = "java/lang/Thread.run;org/apache/tomcat/util/net/NioEndpoint$SocketProcessor.doRun;"
			+ "org/springframework/security/web/FilterChainProxy.doFilter;";

	private static final List<String> COLLAPSED = List.of(
			SERVLET + "org/springframework/security/oauth2/jwt/NimbusJwtDecoder.decode;java/math/BigInteger.implMulAdd 30",
			SERVLET + "dev/ftgo/order/web/OrderController.place;tools/jackson/databind/ObjectMapper.writeValue 10",
			SERVLET + "dev/ftgo/order/web/OrderController.place;java/util/HashMap.get 40",
			SERVLET + "java/util/ArrayList.get 10",
			"[GC_active];SerialHeap::do_collection 10",
			"not a stack line");

	@Test
	void eachSampleCountsForTheInnermostPartOfItsStack() {
		var findings = ProfileFindings.of(COLLAPSED);

		assertThat(findings.samples()).isEqualTo(100);
		assertThat(findings.parts()).containsEntry("token checks (JWT, RSA)", 0.3).containsEntry("JSON", 0.1)
				.containsEntry("the application's own code", 0.4).containsEntry("Spring Security", 0.1)
				.containsEntry("garbage collection", 0.1).containsEntry("network I/O", 0.0)
				.containsEntry("Kafka clients", 0.0);
	}

	@Test
	void theHottestFramesAreTheLeavesWithTheMostSamples() {
		var findings = ProfileFindings.of(COLLAPSED);

		assertThat(findings.hottest().keySet()).startsWith("java/util/HashMap.get", "java/math/BigInteger.implMulAdd");
		assertThat(findings.hottest()).containsEntry("java/util/HashMap.get", 0.4);
		assertThat(findings.oneLine()).startsWith("samples in the application's own code 40 %, token checks (JWT, RSA) 30 %")
				.contains("hottest frames: java/util/HashMap.get 40.0 %");
	}

	@Test
	void anEmptyProfileHasNoSamplesAndNoShares() {
		var findings = ProfileFindings.of(List.of());

		assertThat(findings.samples()).isZero();
		assertThat(findings.parts().values()).containsOnly(0.0);
	}
}
