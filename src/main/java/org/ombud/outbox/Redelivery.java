package org.ombud.outbox;

import org.ombud.outbox.internal.OutboxRetries;
import org.ombud.shared.Rejected;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agent's "try again" for a message whose delivery finally failed. */
@Service
public class Redelivery {

	private final OutboxRetries retries;

	Redelivery(OutboxRetries retries) {
		this.retries = retries;
	}

	/**
	 * Queues the failed message once more, at the end of its chat's queue. Refused when it has not failed (it is
	 * still on its way, was delivered, or someone already retried it), so a double click sends it once.
	 */
	@Transactional
	public void retry(long messageId) {
		if (!retries.retry(messageId)) {
			throw Rejected.of("retry", "outbox.error.not-failed");
		}
	}
}
