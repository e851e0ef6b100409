package dev.ftgo.relay.deadletters;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin API on the dead-letter topics ({@code ftgo.relay.dead-letters.*}).
 *
 * @param replaysTopic the compacted topic that records every replay, one record per dead letter
 * @param defaultLimit how many records a listing returns when the caller names no limit
 * @param maxLimit the most records one listing may ask for
 * @param kafkaTimeout how long one request may wait for Kafka before it gives up (503)
 */
@ConfigurationProperties("ftgo.relay.dead-letters")
public record DeadLetterSettings(@DefaultValue("ftgo.dead-letters.replays") String replaysTopic,
		@DefaultValue("100") int defaultLimit, @DefaultValue("1000") int maxLimit,
		@DefaultValue("10s") Duration kafkaTimeout) {

	public DeadLetterSettings {
		if (defaultLimit < 1 || maxLimit < defaultLimit) {
			throw new IllegalArgumentException("ftgo.relay.dead-letters: need 1 <= default-limit <= max-limit");
		}
	}
}
