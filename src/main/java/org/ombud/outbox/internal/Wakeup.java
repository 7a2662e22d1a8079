package org.ombud.outbox.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes this node's worker early when something was queued here, once the queuing transaction commits. */
@Component
class Wakeup {

	private final Semaphore signal = new Semaphore(0);

	void afterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					now();
				}
			});
		}
		else {
			now();
		}
	}

	void now() {
		if (signal.availablePermits() == 0) {
			signal.release();
		}
	}

	/** Waits until woken or the time is up. */
	void await(Duration timeout) throws InterruptedException {
		if (signal.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
			signal.drainPermits();
		}
	}
}
