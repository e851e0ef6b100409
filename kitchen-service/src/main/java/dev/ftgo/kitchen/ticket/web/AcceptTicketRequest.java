package dev.ftgo.kitchen.ticket.web;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/** {@code readyBy} is an ISO-8601 instant such as {@code "2026-01-01T12:30:00Z"}. */
record AcceptTicketRequest(@NotNull Instant readyBy) {
}
