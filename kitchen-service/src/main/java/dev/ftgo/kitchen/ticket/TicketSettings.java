package dev.ftgo.kitchen.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Operator-tunable ticket rules ({@code ftgo.kitchen.ticket.*}). */
@ConfigurationProperties("ftgo.kitchen.ticket")
public record TicketSettings(@DefaultValue("PT24H") Duration maxReadyByLeadTime) {

	public TicketSettings {
		if (maxReadyByLeadTime.isNegative() || maxReadyByLeadTime.isZero()) {
			throw new IllegalArgumentException("ftgo.kitchen.ticket.max-ready-by-lead-time must be positive");
		}
	}
}
