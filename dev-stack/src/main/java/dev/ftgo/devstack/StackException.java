package dev.ftgo.devstack;

/**
 * A problem starting or controlling the stack, worded for the person at the terminal: the CLI prints
 * only the message, never a stack trace, so the message must say what failed and what to do.
 */
public class StackException extends RuntimeException {

	public StackException(String message) {
		super(message);
	}

	public StackException(String message, Throwable cause) {
		super(message, cause);
	}
}
