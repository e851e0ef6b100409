package dev.ftgo.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for a service behind the gateway; it answers what the test scripts
 * and remembers what it was sent.
 */
final class StubService implements AutoCloseable {

	/** One scripted answer: a status and a body, or a call that hangs or is cut off. */
	record Answer(int status, String body, String contentType, Behaviour behaviour) {

		enum Behaviour {
			ANSWER, HANG, DROP
		}

		Answer(int status, String body) {
			this(status, body, "application/json", Behaviour.ANSWER);
		}

		static Answer json(String body) {
			return new Answer(200, body);
		}

		static Answer problem(int status, String detail) {
			return new Answer(status, "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}",
					"application/problem+json", Behaviour.ANSWER);
		}

		/** No answer until the test calls {@link StubService#release()} (or the stub closes). */
		static Answer hang() {
			return new Answer(200, "{}", "application/json", Behaviour.HANG);
		}

		/** The connection is closed without an answer, as when the process dies mid-call. */
		static Answer drop() {
			return new Answer(0, "", "", Behaviour.DROP);
		}
	}

	private final HttpServer server;
	private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
		var thread = new Thread(runnable, "stub-service");
		thread.setDaemon(true);
		return thread;
	});
	private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
	private final AtomicInteger calls = new AtomicInteger();
	private volatile CountDownLatch hanging = new CountDownLatch(1);
	private volatile long lastBodyBytes;
	private volatile String lastPath;
	private volatile String lastQuery;
	private volatile String lastMethod;
	private volatile String lastTraceparent;
	private volatile String lastAuthorization;

	StubService() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.createContext("/", this::handle);
		// several calls at once: one of them may hang
		server.setExecutor(threads);
		server.start();
	}

	int port() {
		return server.getAddress().getPort();
	}

	/** The next answers, in order; once used up, every call gets 200 {"ok": true}. */
	void willAnswer(Answer... answers) {
		script.clear();
		script.addAll(List.of(answers));
	}

	/** Lets every hanging call answer. */
	void release() {
		hanging.countDown();
		hanging = new CountDownLatch(1);
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

	/** The raw query string of the last call, {@code null} if it had none. */
	String lastQuery() {
		return lastQuery;
	}

	String lastMethod() {
		return lastMethod;
	}

	/** The W3C trace context of the last call, {@code null} if it had none. */
	String lastTraceparent() {
		return lastTraceparent;
	}

	/** The {@code Authorization} header of the last call, {@code null} if it had none. */
	String lastAuthorization() {
		return lastAuthorization;
	}

	void resetCalls() {
		calls.set(0);
		lastPath = null;
		lastQuery = null;
		lastMethod = null;
		lastTraceparent = null;
		lastAuthorization = null;
	}

	private void handle(HttpExchange exchange) throws IOException {
		calls.incrementAndGet();
		lastPath = exchange.getRequestURI().getPath();
		lastQuery = exchange.getRequestURI().getRawQuery();
		lastMethod = exchange.getRequestMethod();
		lastTraceparent = exchange.getRequestHeaders().getFirst("traceparent");
		lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
		lastBodyBytes = exchange.getRequestBody().readAllBytes().length;
		var answer = script.poll();
		if (answer == null) {
			answer = new Answer(200, "{\"ok\": true}");
		}
		switch (answer.behaviour()) {
			case DROP -> {
				// closing before any response headers were sent cuts the connection off
				exchange.close();
				return;
			}
			case HANG -> awaitRelease();
			case ANSWER -> {
			}
		}
		var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		exchange.sendResponseHeaders(answer.status(), bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private void awaitRelease() {
		try {
			hanging.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		hanging.countDown();
		server.stop(0);
		threads.shutdownNow();
	}
}
