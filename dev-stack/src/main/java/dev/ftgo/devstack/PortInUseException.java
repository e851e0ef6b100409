package dev.ftgo.devstack;

/** A port the stack needs is taken by some other process. */
public final class PortInUseException extends StackException {

	private final int port;
	private final String component;

	private PortInUseException(int port, String component, String message) {
		super(message);
		this.port = port;
		this.component = component;
	}

	/** A port the user chose (or the documented default), which the option moves. */
	static PortInUseException taken(int port, String component, String option) {
		return new PortInUseException(port, component,
				"Port %d (%s) is already in use. Stop whatever listens there or choose another port with %s=..."
						.formatted(port, component, option));
	}

	/** A port the stack chose itself, free then and taken now: another try chooses another. */
	static PortInUseException chosen(int port, String component) {
		return new PortInUseException(port, component, ("Port %d (%s) was free when the stack chose it and is in use now. "
				+ "Start again: further instances take other free ports.").formatted(port, component));
	}

	public int port() {
		return port;
	}

	public String component() {
		return component;
	}
}
