package org.ombud.outbox;

import java.util.List;

import org.ombud.outbox.internal.OutboxStore;
import org.springframework.stereotype.Service;

/** What went out on one endpoint lately, newest first. */
@Service
public class OutboxLog {

	private final OutboxStore store;

	OutboxLog(OutboxStore store) {
		this.store = store;
	}

	public List<OutboxEntry> recent(String channel, String endpointKey, int limit) {
		return store.recent(channel, endpointKey, Math.max(1, Math.min(limit, 200)));
	}
}
