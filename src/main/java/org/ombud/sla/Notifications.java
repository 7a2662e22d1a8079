package org.ombud.sla;

import java.time.Clock;
import java.util.List;

import org.ombud.sla.internal.NotificationStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What agents were told, newest first; the console shows the unread count in its top bar. */
@Service
public class Notifications {

	public static final int SHOWN = 100;

	private final NotificationStore store;

	private final Clock clock;

	Notifications(NotificationStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public long unread(long agentId) {
		return store.unread(agentId);
	}

	public List<Notification> latest(long agentId) {
		return store.latest(agentId, SHOWN);
	}

	@Transactional
	public int markAllRead(long agentId) {
		return store.markRead(agentId, clock.instant());
	}
}
