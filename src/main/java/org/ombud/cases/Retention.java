package org.ombud.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.ombud.cases.internal.EvidenceStorage;
import org.ombud.cases.internal.RetentionStore;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.shared.Actor;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long personal data stays. A case closed (or resolved) longer ago than {@code ombud.retention.closed-cases}
 * (a year unless configured, never under a day) has its personal data erased: what was written, the evidence
 * files, the status link, and — once none of their cases is kept — the conversation's messages and the person's
 * name and addresses. The case row stays with its number, category, team, status, times, clocks and rating, so
 * every count stays the same. A legal hold stops all erasure until it is lifted.
 * <p>
 * The sweep runs once a day on one node, in batches of its own transactions, and counts what it erased
 * ({@code ombud.retention.erased}).
 */
@Service
public class Retention {

	static final int BATCH = 200;

	public static final int MAX_REASON = 500;

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final RetentionStore store;

	private final EvidenceStorage storage;

	private final Conversations conversations;

	private final Contacts contacts;

	private final CaseManagement cases;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration keepClosed;

	private final Counter erased;

	Retention(RetentionStore store, EvidenceStorage storage, Conversations conversations, Contacts contacts,
			CaseManagement cases, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
			@Value("${ombud.retention.closed-cases:365d}") Duration keepClosed, ObjectProvider<MeterRegistry> meters) {
		if (keepClosed.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalStateException("ombud.retention.closed-cases must be at least a day (1d), not " + keepClosed);
		}
		this.store = store;
		this.storage = storage;
		this.conversations = conversations;
		this.contacts = contacts;
		this.cases = cases;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.keepClosed = keepClosed;
		MeterRegistry registry = meters.getIfAvailable();
		this.erased = registry == null ? null
				: Counter.builder("ombud.retention.erased").description("Cases whose personal data was erased").register(registry);
	}

	public Duration keepClosed() {
		return keepClosed;
	}

	/** The day's sweep, on the one node that claims it; the others find it claimed. */
	@Scheduled(fixedDelayString = "${ombud.retention.check-every:15m}", initialDelayString = "${ombud.retention.first-check:2m}")
	public void daily() {
		Instant now = clock.instant();
		if (Boolean.TRUE.equals(transactions.execute(s -> store.claimRun(now, now.plus(Duration.ofDays(1)))))) {
			int count = sweep();
			transactions.executeWithoutResult(s -> store.recordRun(count));
		}
	}

	/** Erases every case due now, batch by batch; answers how many. */
	public int sweep() {
		Instant cutoff = clock.instant().minus(keepClosed);
		int total = 0;
		while (true) {
			List<Long> due = store.due(cutoff, BATCH);
			if (due.isEmpty()) {
				break;
			}
			int done = 0;
			for (long caseId : due) {
				if (Boolean.TRUE.equals(transactions.execute(s -> erase(caseId)))) {
					done++;
				}
			}
			total += done;
			log.info("Retention: erased the personal data of {} cases ({} so far)", done, total);
			if (done == 0) {
				break;
			}
		}
		return total;
	}

	/** Every case of a person, oldest first. */
	public List<CaseView> casesOf(long contactId) {
		return store.casesOfContact(contactId).stream().map(id -> cases.get(id).orElseThrow()).toList();
	}

	/** Cases waiting for the sweep, and cases held. */
	public record Overview(Duration keepClosed, long due, long held, Instant lastRunAt, int lastErased, Instant nextRunAt) {
	}

	public Overview overview() {
		RetentionStore.Run run = store.run();
		return new Overview(keepClosed, store.countDue(clock.instant().minus(keepClosed)), store.countHeld(),
				run.lastRunAt(), run.lastErased(), run.nextRunAt());
	}

	/** A legal hold on the case: its reason, who placed it and when. */
	public record Hold(String reason, Long by, Instant at) {
	}

	public Optional<Hold> hold(long caseId) {
		return store.hold(caseId);
	}

	public Optional<Instant> erasedAt(long caseId) {
		return store.erasedAt(caseId);
	}

	/** Places a legal hold: the case's personal data is kept until the hold is lifted. */
	public void hold(long caseId, String reason, long agentId) {
		String clean = reason == null ? "" : reason.strip();
		if (clean.isEmpty() || clean.length() > MAX_REASON) {
			throw Rejected.of("reason", "error.length", 1, MAX_REASON);
		}
		transactions.executeWithoutResult(s -> {
			cases.get(caseId).orElseThrow(() -> new NotFound("case"));
			if (!store.setHold(caseId, clean, agentId, clock.instant())) {
				throw Rejected.of(null, "error.retention.erased");
			}
			events.publishEvent(new CaseEvents.CaseUpdated(caseId, "LEGAL_HOLD"));
		});
	}

	public void lift(long caseId, long agentId) {
		transactions.executeWithoutResult(s -> {
			cases.get(caseId).orElseThrow(() -> new NotFound("case"));
			store.liftHold(caseId);
			events.publishEvent(new CaseEvents.CaseUpdated(caseId, "LEGAL_HOLD_LIFTED"));
		});
	}

	/** What happened to each case of a person's erasure request. */
	public record ContactErasure(List<String> erased, List<String> held) {
	}

	/**
	 * Erases everything of one person now, whatever the retention period: every case not on legal hold, and — when
	 * none is held — their name and addresses. Held cases are kept and named in the answer.
	 */
	public ContactErasure eraseContact(long contactId, Actor actor) {
		contacts.contact(contactId).orElseThrow(() -> new NotFound("contact"));
		List<String> done = new ArrayList<>();
		List<String> held = new ArrayList<>();
		for (long caseId : store.casesOfContact(contactId)) {
			CaseView c = cases.get(caseId).orElseThrow();
			if (store.hold(caseId).isPresent()) {
				held.add(c.number());
			}
			else if (store.erasedAt(caseId).isEmpty()) {
				if (Boolean.TRUE.equals(transactions.execute(s -> erase(caseId)))) {
					done.add(c.number());
				}
			}
		}
		if (held.isEmpty()) {
			transactions.executeWithoutResult(s -> contacts.erase(contactId, clock.instant()));
		}
		return new ContactErasure(done, held);
	}

	/** Erases one case's personal data in the caller's transaction; false if it was held or erased already. */
	private boolean erase(long caseId) {
		CaseView c = cases.get(caseId).orElse(null);
		if (c == null || !store.markErased(caseId, clock.instant())) {
			return false;
		}
		store.eraseTimelineTexts(caseId);
		List<String> files = store.eraseEvidence(caseId);
		storage.deleteAfterCommit(files);
		if (store.conversationFullyErased(c.conversationId())) {
			conversations.erase(c.conversationId());
		}
		if (store.contactFullyErased(c.contactId()) && conversations.conversation(c.conversationId())
			.map(Conversation::organisationId)
			.isEmpty()) {
			contacts.erase(c.contactId(), clock.instant());
		}
		events.publishEvent(new CaseEvents.CaseUpdated(caseId, "ERASED"));
		if (erased != null) {
			erased.increment();
		}
		return true;
	}
}
