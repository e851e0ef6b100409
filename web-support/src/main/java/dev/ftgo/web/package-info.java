/**
 * Web infrastructure shared by the servlet services, free of any domain: every error as RFC 9457
 * {@code application/problem+json} ({@link dev.ftgo.web.ProblemHandlingAutoConfiguration}).
 */
package dev.ftgo.web;
