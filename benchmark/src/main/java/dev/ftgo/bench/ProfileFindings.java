package dev.ftgo.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What stands out in a CPU profile, read from async-profiler's collapsed stacks (one line per distinct stack,
 * frames separated by {@code ;} from the thread's root to the frame on the CPU, then its sample count): the
 * frames that were on the CPU themselves most often, and where the samples went by part of the stack. Each
 * sample counts once, for the innermost frame that belongs to one of the parts (token checks, JSON, the web
 * framework, the database and Kafka clients, the application's own code, …): a sample in Jackson called from a
 * controller counts as JSON, one in the controller itself as the application's. Frameworks that wrap
 * everything (a servlet filter chain, an event loop) thus count only for their own frames. Samples in no part
 * (the JDK, Spring's core, Reactor) count for none, so the shares add up to less than 1.
 *
 * @param samples all samples of the profile
 * @param hottest frames by their own samples (leaf of the stack), the largest first
 * @param parts the share (0-1) of the samples counted for each part
 */
record ProfileFindings(long samples, Map<String, Double> hottest, Map<String, Double> parts) {

	private static final Map<String, Pattern> PARTS = partPatterns();
	private static final int HOTTEST = 6;
	/** Parts below this share stay out of the one-line summary (they are in the JSON). */
	private static final double NOTABLE = 0.03;

	static ProfileFindings of(List<String> collapsed) {
		long samples = 0;
		Map<String, Long> self = new HashMap<>();
		Map<String, Long> counted = new LinkedHashMap<>();
		PARTS.keySet().forEach(part -> counted.put(part, 0L));
		for (String line : collapsed) {
			int space = line.lastIndexOf(' ');
			if (space <= 0) {
				continue;
			}
			long count;
			try {
				count = Long.parseLong(line.substring(space + 1).trim());
			}
			catch (NumberFormatException e) {
				continue;
			}
			String[] frames = line.substring(0, space).split(";");
			samples += count;
			self.merge(frames[frames.length - 1], count, Long::sum);
			String part = innermostPart(frames);
			if (part != null) {
				counted.merge(part, count, Long::sum);
			}
		}
		long total = Math.max(1, samples);
		Map<String, Double> hottest = new LinkedHashMap<>();
		self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(HOTTEST)
				.forEach(entry -> hottest.put(entry.getKey(), share(entry.getValue(), total)));
		Map<String, Double> parts = new LinkedHashMap<>();
		counted.forEach((part, count) -> parts.put(part, share(count, total)));
		return new ProfileFindings(samples, hottest, parts);
	}

	/** e.g. {@code samples in JSON 12 %, garbage collection 9 %; hottest frames: java/util/HashMap.get 3.0 %, …}. */
	String oneLine() {
		List<String> line = new ArrayList<>();
		String notable = parts.entrySet().stream().filter(entry -> entry.getValue() >= NOTABLE)
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.map(entry -> String.format(Locale.ROOT, "%s %.0f %%", entry.getKey(), entry.getValue() * 100))
				.collect(Collectors.joining(", "));
		if (!notable.isEmpty()) {
			line.add("samples in " + notable);
		}
		line.add("hottest frames: " + hottest.entrySet().stream().limit(3)
				.map(entry -> String.format(Locale.ROOT, "%s %.1f %%", entry.getKey(), entry.getValue() * 100))
				.collect(Collectors.joining(", ")));
		return String.join("; ", line);
	}

	Map<String, Object> asReport() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("samples", samples);
		json.put("hottestSelf", hottest);
		json.put("samplesIn", parts);
		return json;
	}

	private static String innermostPart(String[] frames) {
		for (int i = frames.length - 1; i >= 0; i--) {
			for (Map.Entry<String, Pattern> part : PARTS.entrySet()) {
				if (part.getValue().matcher(frames[i]).find()) {
					return part.getKey();
				}
			}
		}
		return null;
	}

	private static double share(long count, long total) {
		return Math.round(count * 1000.0 / total) / 1000.0;
	}

	/** Frame names as async-profiler writes them: {@code java/util/HashMap.get}, or a native or kernel symbol. */
	private static Map<String, Pattern> partPatterns() {
		Map<String, Pattern> parts = new LinkedHashMap<>();
		parts.put("token checks (JWT, RSA)", Pattern.compile("(?i)jwt|nimbus|jose|java/math/BigInteger|sun/security/rsa"));
		parts.put("Spring Security", Pattern.compile("springframework/security"));
		parts.put("web framework and routing", Pattern.compile("springframework/(web|http)|springframework/cloud/gateway"
				+ "|reactor/netty/http|org/apache/(catalina|coyote)"));
		parts.put("JSON", Pattern.compile("(?i)jackson"));
		parts.put("logging", Pattern.compile("(?i)logback|slf4j|log4j"));
		parts.put("observation and tracing", Pattern.compile("(?i)micrometer|opentelemetry|brave"));
		parts.put("JPA (Hibernate)", Pattern.compile("org/hibernate"));
		parts.put("JDBC and its pool", Pattern.compile("(?i)org/postgresql|hikari"));
		parts.put("Kafka clients", Pattern.compile("org/apache/kafka"));
		parts.put("Debezium", Pattern.compile("io/debezium"));
		parts.put("network I/O", Pattern.compile("io/netty|sun/nio|org/apache/tomcat/util/net"));
		parts.put("the application's own code", Pattern.compile("dev/ftgo"));
		parts.put("garbage collection", Pattern.compile("GCTaskThread|SerialHeap|DefNewGeneration|TenuredGeneration"
				+ "|GenCollectedHeap|G1[A-Z]|VM_GC|GC_active"));
		parts.put("JIT compiler", Pattern.compile("CompileBroker|C1Compiler|C2Compiler|Compilation::"));
		return parts;
	}
}
