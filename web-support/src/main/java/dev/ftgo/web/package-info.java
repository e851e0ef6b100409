/**
 * Web infrastructure shared by the servlet services, free of any domain: every error as RFC 9457
 * {@code application/problem+json} ({@link dev.ftgo.web.ProblemHandlingAutoConfiguration}) and a graceful stop that
 * leaves Eureka first ({@code dev.ftgo.web.discovery}).
 */
package dev.ftgo.web;
