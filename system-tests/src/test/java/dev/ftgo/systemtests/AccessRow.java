package dev.ftgo.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.ftgo.devstack.Component;
import dev.ftgo.systemtests.AccessMatrix.Caller;

/**
 * One row of the {@link AccessMatrix}: one request, the answer each caller should get, and where it goes when it
 * bypasses the gateway. {@link #check()} sends it without a token, with a foreign one and as each caller named, and
 * hands the matrix the row's line of the table and every answer that was not the table's.
 */
final class AccessRow {

	// HTTP/1.1 as the gateway's and the stack's own clients speak it: no h2c upgrade attempt on each new connection
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	private final AccessMatrix matrix;
	private final Request request;
	private final String label;
	private final Map<Caller, Integer> refused = new EnumMap<>(Caller.class);
	private final Map<Caller, Integer> allowed = new LinkedHashMap<>();
	private final Set<Caller> listedNothing = EnumSet.noneOf(Caller.class);
	private int servicePort;

	AccessRow(AccessMatrix matrix, Request request, String label) {
		this.matrix = matrix;
		this.request = request;
		this.label = label;
		this.servicePort = matrix.ports().of(serviceOf(request.path()));
	}

	AccessRow gatewayOnly() {
		servicePort = -1;
		return this;
	}

	AccessRow refused(Caller caller, int status) {
		refused.put(caller, status);
		return this;
	}

	AccessRow allowed(Caller caller, int status) {
		allowed.put(caller, status);
		return this;
	}

	/** Refused by leaving out: 200 with an empty list, the answer when there is nothing to list at all. */
	AccessRow listsNothingTo(Caller caller) {
		listedNothing.add(caller);
		return this;
	}

	void check() {
		var cells = new ArrayList<String>();
		var gateway = matrix.ports().gateway();
		for (var anonymous : new String[] { null, matrix.foreignAuthorization() }) {
			var who = anonymous == null ? "no token" : "foreign token";
			cells.add(who + " " + unauthenticated(gateway, anonymous, who + " via the gateway")
					+ (servicePort < 0 ? "" : " (" + unauthenticated(servicePort, anonymous, who + " direct") + ")"));
		}
		refused.forEach((caller, status) -> {
			var viaGateway = expect(gateway, caller, status, "via the gateway");
			cells.add(caller.label() + " " + viaGateway
					+ (servicePort < 0 ? "" : " (" + expect(servicePort, caller, status, "direct") + ")"));
		});
		listedNothing.forEach(caller -> cells.add(caller.label() + " " + expectNothingListed(gateway, caller, "via the gateway")
				+ (servicePort < 0 ? "" : " (" + expectNothingListed(servicePort, caller, "direct") + ")")));
		allowed.forEach((caller, status) -> cells.add(caller.label() + " " + expect(gateway, caller, status, "via the gateway")));
		matrix.tabulate("  " + label + ": " + String.join(" · ", cells));
	}

	private int unauthenticated(int port, String authorization, String where) {
		var answer = send(port, authorization);
		if (answer.status() != 401 || !answer.isProblem() || !answer.challenge().startsWith("Bearer")) {
			disagree(where, 401, answer, "problem+json with WWW-Authenticate: Bearer");
		}
		return answer.status();
	}

	private int expect(int port, Caller caller, int status, String where) {
		var answer = send(port, matrix.authorization(caller));
		if (answer.status() != status || (status >= 400 && !answer.isProblem())) {
			disagree(caller.label() + " " + where, status, answer, status >= 400 ? "problem+json" : "");
		}
		return answer.status();
	}

	private String expectNothingListed(int port, Caller caller, String where) {
		var answer = send(port, matrix.authorization(caller));
		if (answer.status() != 200 || !answer.body().strip().equals("[]")) {
			disagree(caller.label() + " " + where, 200, answer, "[]");
		}
		return answer.status() + " " + answer.body().strip();
	}

	private void disagree(String who, int status, Answer answer, String shape) {
		var body = answer.body().length() > 200 ? answer.body().substring(0, 200) + "…" : answer.body();
		matrix.disagreement("%s as %s: expected %d %s, got %d %s %s".formatted(label, who, status, shape,
				answer.status(), answer.contentType(), body));
	}

	private Answer send(int port, String authorization) {
		matrix.countRequest();
		return request.send(port, authorization);
	}

	/** What a row sends: the same request to the gateway and to the service, without a token and as each caller. */
	record Request(String method, String path, String body) {

		/** The answer; status -1 when none came, so that one silent endpoint does not hide the rest of the table. */
		Answer send(int port, String authorization) {
			var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30))
					.header("Accept", "application/json, application/problem+json")
					.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
			if (body != null) {
				request.header("Content-Type", "application/json");
			}
			if (authorization != null) {
				request.header("Authorization", authorization);
			}
			try {
				var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.headers().firstValue("WWW-Authenticate").orElse(""), response.body());
			}
			catch (IOException e) {
				return new Answer(-1, "", "", "no answer from port " + port + ": " + e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	record Answer(int status, String contentType, String challenge, String body) {

		boolean isProblem() {
			return contentType.startsWith("application/problem+json");
		}
	}

	private static Component serviceOf(String path) {
		if (path.startsWith("/api/v1/consumers")) {
			return Component.CONSUMER_SERVICE;
		}
		if (path.startsWith("/api/v1/restaurants") || path.startsWith("/api/v1/tickets")) {
			return Component.KITCHEN_SERVICE;
		}
		return Component.ORDER_SERVICE;
	}
}
