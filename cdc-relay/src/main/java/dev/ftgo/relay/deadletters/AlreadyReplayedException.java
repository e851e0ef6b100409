package dev.ftgo.relay.deadletters;

/** A dead letter that was replayed before; replaying it again takes {@code force}. */
public class AlreadyReplayedException extends RuntimeException {

	private final transient Replay previous;

	public AlreadyReplayedException(Replay previous) {
		super("Dead letter " + previous.deadLetter() + " was replayed already, by " + previous.replayedBy() + " at "
				+ previous.replayedAt() + " (to " + previous.topic() + " partition " + previous.partition() + ", offset "
				+ previous.offset() + "); ask again with force=true to replay it once more");
		this.previous = previous;
	}

	public Replay previous() {
		return previous;
	}
}
