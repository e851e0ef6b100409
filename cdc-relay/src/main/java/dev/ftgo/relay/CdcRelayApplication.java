package dev.ftgo.relay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Transaction log tailing: publishes every service's outbox rows from the PostgreSQL WAL to Kafka, one
 * Debezium embedded engine per service database. It serves no API, so it does not register with Eureka;
 * operators reach its actuator directly.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CdcRelayApplication {

	public static void main(String[] args) {
		SpringApplication.run(CdcRelayApplication.class, args);
	}
}
