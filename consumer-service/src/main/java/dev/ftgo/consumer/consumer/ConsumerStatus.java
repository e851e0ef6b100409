package dev.ftgo.consumer.consumer;

public enum ConsumerStatus {
	ACTIVE, SUSPENDED
}
