/**
 * Web infrastructure shared by the servlet services, free of any domain: every error as RFC 9457
 * {@code application/problem+json} ({@link dev.ftgo.web.ProblemHandlingAutoConfiguration}) and its description in the
 * OpenAPI documents ({@code dev.ftgo.web.openapi}), request constraints that know no domain
 * ({@link dev.ftgo.web.CurrencyCode}), a graceful stop that leaves Eureka first ({@code dev.ftgo.web.discovery}) and
 * the settings every service shares ({@code ftgo-service-defaults.yml}, imported by each service's
 * {@code application.yml}).
 */
package dev.ftgo.web;
