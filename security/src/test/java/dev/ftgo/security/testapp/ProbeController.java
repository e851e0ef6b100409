package dev.ftgo.security.testapp;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import dev.ftgo.security.BearerTokenRelay;
import dev.ftgo.security.Caller;
import dev.ftgo.security.Role;

import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api")
class ProbeController {

	record Who(String subject, List<String> roles, UUID restaurantId, List<String> authorities) {
	}

	private final BearerTokenRelay relay;

	ProbeController(BearerTokenRelay relay) {
		this.relay = relay;
	}

	@GetMapping("/whoami")
	Who whoami(Caller caller) {
		var authorities = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
				.map(GrantedAuthority::getAuthority)
				.sorted()
				.toList();
		return new Who(caller.subject(), caller.roles().stream().map(Role::claimValue).toList(),
				caller.restaurantId().orElse(null), authorities);
	}

	@GetMapping("/admin-only")
	String adminOnly(Caller caller) {
		caller.requireAdmin();
		return "ok";
	}

	@GetMapping("/consumers/{consumerId}")
	String consumer(@PathVariable UUID consumerId, Caller caller) {
		caller.requireAdminOrConsumer(consumerId);
		return "ok";
	}

	/** What a service must not do, but a library it uses might: Spring Security's own exception. */
	@GetMapping("/spring-denied")
	String springDenied() {
		throw new AccessDeniedException("not for you");
	}

	@GetMapping("/relay")
	Who relay(HttpServletRequest request) {
		return self(request).get().uri("/api/whoami").retrieve().body(Who.class);
	}

	/** The call on another thread, as a time limiter's executor would run it. */
	@GetMapping("/relay-async")
	Who relayAsync(HttpServletRequest request) {
		var http = self(request);
		var executor = Executors.newSingleThreadExecutor();
		try {
			return CompletableFuture.supplyAsync(
					BearerTokenRelay.propagating(() -> http.get().uri("/api/whoami").retrieve().body(Who.class)), executor)
				.join();
		}
		finally {
			executor.shutdown();
		}
	}

	private RestClient self(HttpServletRequest request) {
		return RestClient.builder().baseUrl("http://127.0.0.1:" + request.getLocalPort()).requestInterceptor(relay).build();
	}
}
