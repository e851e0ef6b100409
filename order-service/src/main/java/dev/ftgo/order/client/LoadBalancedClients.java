package dev.ftgo.order.client;

import java.net.http.HttpClient;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientBuilderConfigurer;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import dev.ftgo.security.BearerTokenRelay;

/** RestClients that resolve {@code http://<service-name>} through discovery (Eureka, or the simple discovery client in tests). */
@Configuration(proxyBeanMethods = false)
public class LoadBalancedClients {

	/**
	 * Not a default candidate: the Eureka client also asks for a {@code RestClient.Builder} and must
	 * reach the registry by its plain URL, so only injection points qualified with
	 * {@code @LoadBalanced} get this one.
	 */
	@Bean(defaultCandidate = false)
	@LoadBalanced
	RestClient.Builder loadBalancedRestClientBuilder(RestClientBuilderConfigurer configurer) {
		return configurer.configure(RestClient.builder());
	}

	/**
	 * A client for one FTGO service, with that service's base URL and timeouts, that sends the current caller's
	 * bearer token along: the called service applies its own access rules to the same caller. The relay is added
	 * to a clone, never to the shared builder, which must not hand tokens to anyone else.
	 */
	static RestClient create(RestClient.Builder loadBalanced, ClientSettings.Remote remote, BearerTokenRelay relay) {
		var requestFactory = ClientHttpRequestFactoryBuilder.jdk()
			// plain HTTP/1.1: no h2c upgrade dance on every new connection
			.withHttpClientCustomizer(http -> http.version(HttpClient.Version.HTTP_1_1))
			.build(HttpClientSettings.defaults().withTimeouts(remote.connectTimeout(), remote.readTimeout()));
		return loadBalanced.clone()
			.baseUrl(remote.baseUrl().toString())
			.requestFactory(requestFactory)
			.requestInterceptor(relay)
			.build();
	}

	/**
	 * A declarative client of one FTGO service: the {@code @HttpExchange} interface {@code api}, implemented by
	 * Spring over {@link #create a RestClient of that service}. A call answered 4xx or 5xx throws as
	 * {@code RestClient.retrieve()} does, so the callers' resilience (breaker, retries) and error mapping are those of
	 * any RestClient call.
	 */
	public static <S> S service(Class<S> api, RestClient.Builder loadBalanced, ClientSettings.Remote remote,
			BearerTokenRelay relay) {
		var http = create(loadBalanced, remote, relay);
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(http)).build().createClient(api);
	}
}
