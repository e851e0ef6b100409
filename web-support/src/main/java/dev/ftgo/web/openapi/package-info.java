/**
 * The OpenAPI documents of every service describe callers and errors alike: a service declares its
 * {@link dev.ftgo.web.openapi.OpenApiDocumentation} once (problem schema, bearer token, the problems every operation
 * may answer) and marks each operation's own problems with {@link dev.ftgo.web.openapi.ProblemResponse}.
 */
package dev.ftgo.web.openapi;
