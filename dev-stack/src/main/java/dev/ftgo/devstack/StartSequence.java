package dev.ftgo.devstack;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Brings components up stage by stage, those of one stage in parallel. The first failure is thrown at
 * once rather than after the slowest sibling has timed out; the caller then closes the stack, which
 * ends the siblings' waits too.
 */
final class StartSequence implements AutoCloseable {

	private final Consumer<Component> bringUp;
	private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "dev-stack-start");
		// never keeps the JVM alive, e.g. when the CLI exits after a failure
		thread.setDaemon(true);
		return thread;
	});

	StartSequence(Consumer<Component> bringUp) {
		this.bringUp = bringUp;
	}

	void inParallel(List<Component> stage) {
		CompletionService<Component> completion = new ExecutorCompletionService<>(executor);
		stage.forEach(component -> completion.submit(() -> {
			bringUp.accept(component);
			return component;
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
