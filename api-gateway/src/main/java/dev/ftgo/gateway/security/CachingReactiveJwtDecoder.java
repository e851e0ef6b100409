package dev.ftgo.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import dev.ftgo.security.VerifiedTokens;

import reactor.core.publisher.Mono;

/**
 * The gateway's decoder behind {@link VerifiedTokens}: a token the decoder accepted is not verified again while
 * it is valid. The services do the same with their servlet decoders.
 */
class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder delegate;
	private final VerifiedTokens verified;

	CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, VerifiedTokens verified) {
		this.delegate = delegate;
		this.verified = verified;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return Mono.defer(() -> verified.find(token)
			.map(Mono::just)
			.orElseGet(() -> delegate.decode(token).map(jwt -> verified.remember(token, jwt))));
	}
}
