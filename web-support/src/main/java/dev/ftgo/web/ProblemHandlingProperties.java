package dev.ftgo.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ftgo.problems.*}.
 *
 * @param databaseRetryAfter the {@code Retry-After} of a 503 while the database is unreachable, in whole seconds:
 * about as long as PostgreSQL takes to restart; a client retrying sooner would only add load
 */
@ConfigurationProperties("ftgo.problems")
record ProblemHandlingProperties(@DefaultValue("2s") Duration databaseRetryAfter) {
}
