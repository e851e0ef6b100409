package dev.ftgo.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;

/** Port checks done before launching anything, so a clash is reported as such and not as a crash log. */
public final class Ports {

	private static final int CONNECT_TIMEOUT_MILLIS = 500;

	private Ports() {
	}

	/** A port that was free a moment ago on 127.0.0.1; for tests, which must not depend on fixed ports. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException("Could not find a free port", e);
		}
	}

	/**
	 * @throws PortInUseException naming the port, the component and the CLI option that moves it
	 */
	public static void requireFree(int port, String component) {
		if (!isFree(port)) {
			throw PortInUseException.taken(port, component, "--" + optionFor(component));
		}
	}

	/** Whether a component could listen on the port now. */
	static boolean isFree(int port) {
		// Binding the wildcard address clashes with a listener on any local address, as the component's would.
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	/** Whether something accepts connections on 127.0.0.1:port. */
	static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	private static String optionFor(String component) {
		return Arrays.stream(Component.values())
				.filter(candidate -> candidate.id().equals(component))
				.map(Component::portOption)
				.findFirst()
				.orElse(component + "-port"); // e.g. kafka-controller-port, which has no Component of its own
	}
}
