package dev.ftgo.devstack;

/** A port the stack needs is taken by some other process. */
public final class PortInUseException extends StackException {

	private final int port;
	private final String component;

	PortInUseException(int port, String component, String option) {
		super("Port %d (%s) is already in use. Stop whatever listens there or choose another port with %s=..."
				.formatted(port, component, option));
		this.port = port;
		this.component = component;
	}

	public int port() {
		return port;
	}

	public String component() {
		return component;
	}
}
