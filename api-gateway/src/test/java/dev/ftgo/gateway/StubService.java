package dev.ftgo.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server standing in for a service behind the gateway; it answers what the test scripts. */
final class StubService implements AutoCloseable {

	record Answer(int status, String body) {
	}

	private final HttpServer server;
	private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
	private final AtomicInteger calls = new AtomicInteger();
	private volatile long lastBodyBytes;
	private volatile String lastPath;
	private volatile String lastTraceparent;

	StubService() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", this::handle);
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	/** The next answers, in order; once used up, every call gets 200 {"ok": true}. */
	void willAnswer(Answer... answers) {
		script.clear();
		script.addAll(java.util.List.of(answers));
	}

	int calls() {
		return calls.get();
	}

	long lastBodyBytes() {
		return lastBodyBytes;
	}

	String lastPath() {
		return lastPath;
	}

	/** The W3C trace context of the last call, {@code null} if it had none. */
	String lastTraceparent() {
		return lastTraceparent;
	}

	void resetCalls() {
		calls.set(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		calls.incrementAndGet();
		lastPath = exchange.getRequestURI().getPath();
		lastTraceparent = exchange.getRequestHeaders().getFirst("traceparent");
		lastBodyBytes = exchange.getRequestBody().readAllBytes().length;
		var answer = script.poll();
		if (answer == null) {
			answer = new Answer(200, "{\"ok\": true}");
		}
		var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
