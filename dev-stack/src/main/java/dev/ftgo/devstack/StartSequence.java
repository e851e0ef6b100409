package dev.ftgo.devstack;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Brings instances up stage by stage: the groups of one stage in parallel, the instances of a group one after
 * the other. The first failure is thrown at
 * once rather than after the slowest sibling has timed out; the caller then closes the stack, which
 * ends the siblings' waits too.
 */
final class StartSequence implements AutoCloseable {

	private final Consumer<Instance> bringUp;
	private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "dev-stack-start");
		// never keeps the JVM alive, e.g. when the CLI exits after a failure
		thread.setDaemon(true);
		return thread;
	});

	StartSequence(Consumer<Instance> bringUp) {
		this.bringUp = bringUp;
	}

	void inParallel(List<List<Instance>> stage) {
		CompletionService<List<Instance>> completion = new ExecutorCompletionService<>(executor);
		stage.forEach(group -> completion.submit(() -> {
			group.forEach(bringUp);
			return group;
		}));
		try {
			for (int i = 0; i < stage.size(); i++) {
				completion.take().get();
			}
		} catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new StackException("Start-up failed: " + e.getCause(), e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new StackException("Interrupted while starting the stack", e);
		}
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}
}
