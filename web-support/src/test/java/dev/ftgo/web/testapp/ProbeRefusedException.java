package dev.ftgo.web.testapp;

/** A domain exception that is a {@link RuntimeException} like any other: only the service's advice knows it. */
class ProbeRefusedException extends RuntimeException {

	ProbeRefusedException(String message) {
		super(message);
	}
}
