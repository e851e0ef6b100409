/**
 * Security shared by the servlet services, without any domain rule.
 *
 * <p>{@link dev.ftgo.security.ResourceServerAutoConfiguration} makes the service a stateless JWT resource server
 * (401/403 as problem+json). Controllers take a {@link dev.ftgo.security.Caller} argument and apply the access
 * rules with it, throwing {@link dev.ftgo.security.AccessRefusedException} (403) when the request alone shows the
 * caller may not do it. {@link dev.ftgo.security.BearerTokenRelay} passes the caller's token on to the services
 * this one calls.
 */
package dev.ftgo.security;
