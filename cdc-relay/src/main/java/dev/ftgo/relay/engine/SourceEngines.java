package dev.ftgo.relay.engine;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Starts one engine per source with the application and stops them gracefully with it. */
final class SourceEngines implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SourceEngines.class);

	private final List<SourceEngine> engines;
	private volatile boolean running;

	SourceEngines(List<SourceEngine> engines) {
		this.engines = List.copyOf(engines);
	}

	List<SourceEngine> engines() {
		return engines;
	}

	@Override
	public void start() {
		if (engines.isEmpty()) {
			log.warn("No ftgo.relay.sources configured: nothing to relay");
		}
		engines.forEach(SourceEngine::start);
		running = true;
	}

	@Override
	public void stop() {
		// in parallel: each graceful stop waits for its batch and its offset commit
		engines.parallelStream().forEach(SourceEngine::stop);
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
