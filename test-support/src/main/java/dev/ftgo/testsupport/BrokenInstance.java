package dev.ftgo.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service instance that discovery still lists but that cannot answer, in one of the two ways a dying
 * instance fails its callers. {@link #refusing()}: nothing listens on its port, so a connection is refused and
 * the request never reaches a server. {@link #losingAnswers()}: it reads each request whole and closes the
 * connection without answering, as a process killed while handling it does; the caller cannot tell whether the
 * request took effect.
 */
public final class BrokenInstance implements AutoCloseable {

	private final URI uri;
	private final ServerSocket server;
	private final AtomicInteger requests = new AtomicInteger();

	private BrokenInstance(URI uri, ServerSocket server) {
		this.uri = uri;
		this.server = server;
	}

	/** A port that was free a moment ago and is closed again: connecting to it is refused. */
	public static BrokenInstance refusing() {
		try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return new BrokenInstance(URI.create("http://127.0.0.1:" + probe.getLocalPort()), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Accepts connections, reads each request and closes the connection without a response. */
	public static BrokenInstance losingAnswers() {
		try {
			var server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			var instance = new BrokenInstance(URI.create("http://127.0.0.1:" + server.getLocalPort()), server);
			var acceptor = new Thread(instance::acceptAndDrop, "losing-answers-" + server.getLocalPort());
			acceptor.setDaemon(true);
			acceptor.start();
			return instance;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public URI uri() {
		return uri;
	}

	/** How many requests reached this instance (always 0 for a refusing one). */
	public int requests() {
		return requests.get();
	}

	private void acceptAndDrop() {
		while (!server.isClosed()) {
			try (Socket connection = server.accept()) {
				readRequest(connection.getInputStream());
				requests.incrementAndGet();
				// a graceful close (FIN) after the whole request was read: the caller sees the connection end
				// where the status line should have been
			}
			catch (IOException closedOrBroken) {
				// the server socket was closed, or a caller gave up: either way, on to the next or out
			}
		}
	}

	/** Reads the head and, if it announces one, the body of one HTTP/1.1 request. */
	private static void readRequest(InputStream in) throws IOException {
		var head = new StringBuilder();
		int b;
		while ((b = in.read()) != -1) {
			head.append((char) b);
			if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
				break;
			}
		}
		long length = 0;
		for (var line : head.toString().split("\r\n")) {
			if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
				length = Long.parseLong(line.substring("content-length:".length()).trim());
			}
		}
		in.readNBytes((int) length);
		if (head.toString().toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
			// the terminating zero-length chunk ends a chunked body
			var tail = new StringBuilder();
			while ((b = in.read()) != -1 && !tail.append((char) b).toString().endsWith("0\r\n\r\n")) {
				// consume
			}
		}
	}

	@Override
	public void close() {
		if (server == null) {
			return;
		}
		try {
			server.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
