package dev.ftgo.order;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for another service: tests say how each route answers, count the
 * calls that arrived and can hold answers back (a slow service) until {@link #releaseHeld()}.
 * Routes registered later win, so a test can override the defaults for one path.
 */
public final class StubService implements AutoCloseable {

	/**
	 * @param traceparent the W3C trace context the caller sent, if any
	 * @param authorization the caller's {@code Authorization} header, if any
	 */
	public record Request(String method, String path, String body, String traceparent, String authorization) {
	}

	public record Reply(int status, String body) {

		public static Reply json(int status, String body) {
			return new Reply(status, body);
		}
	}

	@FunctionalInterface
	public interface Responder {
		Reply reply(Request request) throws InterruptedException;
	}

	private record Route(String method, Pattern path, Responder responder) {
	}

	private final HttpServer server;
	private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
		var thread = new Thread(runnable, "stub-service");
		thread.setDaemon(true);
		return thread;
	});
	private final List<Route> routes = new CopyOnWriteArrayList<>();
	private final List<Request> received = new CopyOnWriteArrayList<>();
	private final AtomicReference<CountDownLatch> held = new AtomicReference<>(new CountDownLatch(1));
	private final Runnable defaults;

	private StubService(Consumer<StubService> defaults) {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		server.setExecutor(executor);
		server.createContext("/", this::handle);
		server.start();
		this.defaults = () -> defaults.accept(this);
		this.defaults.run();
	}

	/** Starts a stub whose routes are set by {@code defaults} now and after every {@link #reset()}. */
	public static StubService start(Consumer<StubService> defaults) {
		return new StubService(defaults);
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	public StubService on(String method, String pathRegex, Responder responder) {
		routes.add(0, new Route(method, Pattern.compile(pathRegex), responder));
		return this;
	}

	public StubService on(String method, String pathRegex, int status, String json) {
		return on(method, pathRegex, request -> Reply.json(status, json));
	}

	/** Answers {@code reply} only after {@link #releaseHeld()}, or after {@code atMost}. */
	public Responder held(Duration atMost, Reply reply) {
		return request -> {
			held.get().await(atMost.toMillis(), TimeUnit.MILLISECONDS);
			return reply;
		};
	}

	public void releaseHeld() {
		held.getAndSet(new CountDownLatch(1)).countDown();
	}

	/** How many requests matching {@code method} and {@code pathRegex} arrived (counted on arrival). */
	public int calls(String method, String pathRegex) {
		var path = Pattern.compile(pathRegex);
		return (int) received.stream()
				.filter(request -> request.method().equals(method) && path.matcher(request.path()).matches())
				.count();
	}

	public List<Request> received() {
		return List.copyOf(received);
	}

	/** Releases held answers, forgets calls and custom routes, and restores the defaults. */
	public void reset() {
		releaseHeld();
		received.clear();
		routes.clear();
		defaults.run();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
					exchange.getRequestHeaders().getFirst("traceparent"),
					exchange.getRequestHeaders().getFirst("Authorization"));
			received.add(request);
			var reply = routes.stream()
					.filter(route -> route.method().equals(request.method()) && route.path().matcher(request.path()).matches())
					.findFirst()
					.map(route -> respond(route, request))
					.orElseGet(() -> Reply.json(404, """
							{"type": "about:blank", "title": "Not Found", "status": 404, "detail": "stub: no route"}"""));
			var bytes = reply.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type",
					reply.status() >= 400 ? "application/problem+json" : "application/json");
			exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
			if (bytes.length > 0) {
				exchange.getResponseBody().write(bytes);
			}
		}
		catch (IOException clientGone) {
			// the caller timed out and closed the connection while we were holding the answer
		}
	}

	private static Reply respond(Route route, Request request) {
		try {
			return route.responder().reply(request);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Reply.json(503, "{}");
		}
	}

	@Override
	public void close() {
		releaseHeld();
		server.stop(0);
		executor.shutdownNow();
	}
}
