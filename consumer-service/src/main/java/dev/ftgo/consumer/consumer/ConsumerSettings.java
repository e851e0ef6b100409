package dev.ftgo.consumer.consumer;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Operator-tunable consumer rules ({@code ftgo.consumer.*}). */
@ConfigurationProperties("ftgo.consumer")
public record ConsumerSettings(@DefaultValue DefaultOrderLimit defaultOrderLimit) {

	/** The order limit of a consumer registered without one. */
	public record DefaultOrderLimit(@DefaultValue("500.00") BigDecimal amount, @DefaultValue("USD") String currency) {
	}
}
