package dev.ftgo.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Makes one call from several threads at once, for tests of what racing requests leave behind. */
public final class Concurrently {

	private Concurrently() {
	}

	/** Starts {@code times} calls together, behind one latch; their results, in the order they were started. */
	public static <T> List<T> call(int times, Supplier<T> call) {
		var start = new CountDownLatch(1);
		return call(times, () -> {
			awaitStart(start);
			return call.get();
		}, start::countDown);
	}

	/**
	 * Starts {@code times} calls, runs {@code whileRunning} (which may wait for all of them to arrive somewhere and
	 * release them), and returns their results, in the order they were started.
	 */
	public static <T> List<T> call(int times, Supplier<T> call, Runnable whileRunning) {
		var pool = Executors.newFixedThreadPool(times);
		try {
			var answers = new ArrayList<CompletableFuture<T>>();
			for (int i = 0; i < times; i++) {
				answers.add(CompletableFuture.supplyAsync(call, pool));
			}
			whileRunning.run();
			return answers.stream().map(CompletableFuture::join).toList();
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void awaitStart(CountDownLatch start) {
		try {
			assertThat(start.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
