package dev.ftgo.devstack;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a cdc-relay's engines do, from its {@code /actuator/health}: each source's engine is {@code RUNNING}
 * on the relay that holds the source's advisory lock, {@code STANDBY} on the others. The relay that streams
 * every source is the active one.
 */
public final class RelayEngines {

	// the engine states of the relay's health; other indicators' details are lower-case words
	private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"(STARTING|RUNNING|STANDBY|FAILED|STOPPED)\"");
	public static final String RUNNING = "RUNNING";
	public static final String STANDBY = "STANDBY";

	private RelayEngines() {
	}

	/** Every engine's state, empty when the relay does not answer. */
	public static List<String> states(int relayPort) {
		try {
			return states(Http.get(URI.create("http://127.0.0.1:" + relayPort + SpringBootApp.HEALTH)).body());
		} catch (IOException e) {
			return List.of();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while asking the relay on port " + relayPort + " for its state", e);
		}
	}

	public static List<String> states(String healthBody) {
		List<String> states = new ArrayList<>();
		Matcher matcher = STATE.matcher(healthBody);
		while (matcher.find()) {
			states.add(matcher.group(1));
		}
		return states;
	}

	/** Streams every source. */
	static boolean active(List<String> states) {
		return !states.isEmpty() && states.stream().allMatch(RUNNING::equals);
	}

	/** In one word for the summary: {@code streams}, {@code standby}, or the states of a relay doing some of each. */
	static String role(List<String> states) {
		if (active(states)) {
			return "streams";
		}
		if (!states.isEmpty() && states.stream().allMatch(STANDBY::equals)) {
			return "standby";
		}
		return states.isEmpty() ? "not answering" : String.join(", ", states);
	}
}
