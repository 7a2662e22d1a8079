package org.ombud.shared;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One value read often and changed rarely (the category catalogue, the teams), kept for a few seconds. Other
 * nodes see a change within that time, this node at once: a change clears it, and clears it again when the
 * changing transaction ends, so rows of a rolled-back change never stay cached.
 */
public final class ShortLivedCache<T> {

	private record Entry<T>(T value, long loadedAt) {
	}

	private final long ttlNanos;

	private volatile Entry<T> entry;

	public ShortLivedCache(Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	public T get(Supplier<T> loader) {
		Entry<T> current = entry;
		if (current != null && System.nanoTime() - current.loadedAt() < ttlNanos) {
			return current.value();
		}
		T value = loader.get();
		entry = new Entry<>(value, System.nanoTime());
		return value;
	}

	public void invalidate() {
		entry = null;
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					entry = null;
				}
			});
		}
	}
}
