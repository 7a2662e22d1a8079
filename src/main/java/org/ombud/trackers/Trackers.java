package org.ombud.trackers;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ombud.outbox.Outbox;
import org.ombud.outbox.OutboxLog;
import org.ombud.outbox.Outgoing;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.ombud.trackers.internal.TrackerPayloads;
import org.ombud.trackers.internal.TrackerStore;
import org.ombud.trackers.internal.WebhookChannel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Configuring trackers (admins) and sending a task to one (agents): queued in the outbox, signed, retried. */
@Service
public class Trackers {

	public static final int MAX_NAME = 100;

	public static final int MAX_URL = 2000;

	public static final int MIN_SECRET = 16;

	public static final int MAX_SECRET = 200;

	public static final int MAX_TITLE = 200;

	private final TrackerStore store;

	private final Outbox outbox;

	private final OutboxLog log;

	private final Clock clock;

	Trackers(TrackerStore store, Outbox outbox, OutboxLog log, Clock clock) {
		this.store = store;
		this.outbox = outbox;
		this.log = log;
		this.clock = clock;
	}

	public List<Tracker> trackers() {
		return store.all();
	}

	public List<Tracker> activeTrackers() {
		return store.all().stream().filter(Tracker::active).toList();
	}

	public Optional<Tracker> tracker(long id) {
		return store.byId(id);
	}

	@Transactional
	public Tracker create(TrackerDraft draft) {
		Checked checked = check(draft, true);
		long id = store.insert(checked.name, checked.url, checked.format, checked.target, checked.secret,
				draft.active(), clock.instant());
		return store.byId(id).orElseThrow();
	}

	@Transactional
	public Tracker update(long id, TrackerDraft draft) {
		store.byId(id).orElseThrow(() -> new NotFound("tracker"));
		Checked checked = check(draft, false);
		store.update(id, checked.name, checked.url, checked.format, checked.target, checked.secret, draft.active());
		return store.byId(id).orElseThrow();
	}

	/**
	 * Queues a task for an active tracker, in the caller's transaction; returns the delivery id. The task's
	 * title is cut to {@link #MAX_TITLE}.
	 */
	@Transactional
	public long send(long trackerId, TrackerTask task) {
		Tracker tracker = store.byId(trackerId)
			.filter(Tracker::active)
			.orElseThrow(() -> Rejected.of("tracker", "trackers.error.unknown"));
		String title = task.title() == null || task.title().isBlank() ? "Ombud" : task.title().strip();
		title = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
		TrackerTask cut = new TrackerTask(title, task.quote(), task.author(), task.writtenAt(), task.caseNumber(),
				task.link());
		String endpoint = WebhookChannel.endpointKey(trackerId);
		return outbox.enqueue(new Outgoing(null, WebhookChannel.CHANNEL, endpoint, endpoint,
				TrackerPayloads.body(tracker, cut), null, false, false, null));
	}

	/** The latest tasks sent to a tracker, newest first. */
	public List<TrackerDelivery> deliveries(long trackerId, int limit) {
		return log.recent(WebhookChannel.CHANNEL, WebhookChannel.endpointKey(trackerId), limit)
			.stream()
			.map(e -> new TrackerDelivery(e.id(), e.state(), e.attempts(), e.externalIds(), e.error(), e.createdAt(),
					e.finishedAt()))
			.toList();
	}

	private record Checked(String name, String url, TrackerFormat format, String target, String secret) {
	}

	private static Checked check(TrackerDraft draft, boolean creating) {
		List<Rejection> problems = new ArrayList<>();
		String name = trim(draft.name());
		if (name == null) {
			problems.add(Rejection.of("name", "error.required"));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(Rejection.of("name", "error.length", 1, MAX_NAME));
		}
		String url = trim(draft.url());
		if (url == null) {
			problems.add(Rejection.of("url", "error.required"));
		}
		else if (url.length() > MAX_URL || !isWebUrl(url)) {
			problems.add(Rejection.of("url", "trackers.error.url"));
		}
		TrackerFormat format = null;
		try {
			format = TrackerFormat.valueOf(draft.format() == null ? "" : draft.format().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problems.add(Rejection.of("format", "trackers.error.format"));
		}
		String target = trim(draft.target());
		if (format == TrackerFormat.JIRA && (target == null || !target.matches("[A-Z][A-Z0-9_]{0,63}"))) {
			problems.add(Rejection.of("target", "trackers.error.jiraProject"));
		}
		else if (format == TrackerFormat.BITRIX24 && (target == null || !target.matches("[1-9][0-9]{0,17}"))) {
			problems.add(Rejection.of("target", "trackers.error.bitrixResponsible"));
		}
		else if (format == TrackerFormat.GENERIC) {
			target = null;
		}
		String secret = draft.secret() == null || draft.secret().isEmpty() ? null : draft.secret();
		if (secret == null && creating) {
			problems.add(Rejection.of("secret", "error.required"));
		}
		else if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET)) {
			problems.add(Rejection.of("secret", "error.length", MIN_SECRET, MAX_SECRET));
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		return new Checked(name, url, format, target, secret);
	}

	private static boolean isWebUrl(String url) {
		try {
			URI uri = URI.create(url);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && uri.getRawFragment() == null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static String trim(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
