package dev.ftgo.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Transaction log tailing: publishes every service's outbox rows from the PostgreSQL WAL to Kafka, one
 * Debezium embedded engine per service database. It also serves the operators' API on the dead-letter topics
 * ({@code deadletters}), and registers with Eureka only so that the gateway can route that API here.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CdcRelayApplication {

	public static void main(String[] args) {
		SpringApplication.run(CdcRelayApplication.class, args);
	}
}
