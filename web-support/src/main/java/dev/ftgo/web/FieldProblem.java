package dev.ftgo.web;

/**
 * One wrong field of a request, an entry of a problem's {@code errors}: a JSON path in the request body
 * ({@code items[1].quantity}) or a parameter name, and what is wrong with it.
 */
public record FieldProblem(String field, String message) {
}
