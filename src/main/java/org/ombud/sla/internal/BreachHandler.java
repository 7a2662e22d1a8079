package org.ombud.sla.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.Priority;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.Team;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.shared.Actor;
import org.ombud.sla.Notification;
import org.ombud.sla.SlaPolicies;
import org.ombud.sla.SlaPolicy;
import org.ombud.sla.internal.ClockRow.SubjectKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens when a claimed clock's time comes, in one transaction per clock: at its warning, consoles are told
 * to recolour; at its due time, the breach is recorded once, noted on the case's timeline and escalated as the
 * policy says (the team's lead is notified, the priority goes up a step).
 */
@Component
public class BreachHandler {

	private final ClockStore clocks;

	private final BreachStore breaches;

	private final NotificationStore notifications;

	private final SlaPolicies policies;

	private final CaseManagement cases;

	private final Conversations conversations;

	private final AgentDirectory directory;

	private final LiveBus live;

	private final Clock clock;

	BreachHandler(ClockStore clocks, BreachStore breaches, NotificationStore notifications, SlaPolicies policies,
			CaseManagement cases, Conversations conversations, AgentDirectory directory, LiveBus live, Clock clock) {
		this.clocks = clocks;
		this.breaches = breaches;
		this.notifications = notifications;
		this.policies = policies;
		this.cases = cases;
		this.conversations = conversations;
		this.directory = directory;
		this.live = live;
		this.clock = clock;
	}

	/** Outcome of handling one claimed clock. */
	public enum Outcome {
		WARNED, BREACHED, NOTHING
	}

	/**
	 * Handles a clock this node claimed. The cases are locked before the clock row (as every change to a case
	 * does), so a breach and an agent's change never wait for each other in a circle.
	 */
	@Transactional
	public Outcome fire(long clockId, String claimant) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		// read again: an agent may have moved the clock since the claim
		ClockRow claimed = clocks.byId(clockId).filter(c -> claimant.equals(c.claimedBy())).orElse(null);
		if (claimed == null) {
			return Outcome.NOTHING;
		}
		if (claimed.breachedAt() == null && claimed.dueAt() != null && !now.isBefore(claimed.dueAt())) {
			return breach(claimed, claimant, now);
		}
		if (!claimed.warned() && claimed.running() && claimed.warnAt() != null && !now.isBefore(claimed.warnAt())) {
			if (clocks.markWarned(claimed.id(), claimant, now)) {
				signal(claimed);
				return Outcome.WARNED;
			}
			return Outcome.NOTHING;
		}
		// its times moved since the scan: let go, the next scan sees it at its new time
		clocks.release(claimed.id(), claimant);
		return Outcome.NOTHING;
	}

	private Outcome breach(ClockRow claimed, String claimant, Instant now) {
		List<CaseView> affected = affectedCases(claimed);
		for (CaseView c : affected) {
			cases.recordSlaBreach(c.id(), claimed.stage().name(), claimed.dueAt());
		}
		if (!clocks.markBreached(claimed.id(), claimant, now)) {
			// stopped in time, paused or taken over since the claim: undo the timeline lines with this transaction
			throw new ClockMoved();
		}
		long breachId = breaches.insert(claimed, now, claimant);
		SlaPolicy policy = claimed.policyId() == null ? null : policies.get(claimed.policyId()).orElse(null);
		if (policy != null && policy.notifyLead()) {
			Set<Long> leads = new LinkedHashSet<>();
			teamOf(claimed, affected).flatMap(directory::team).map(Team::leadAgentId).ifPresent(leads::add);
			for (CaseView c : affected) {
				directory.team(c.teamId()).map(Team::leadAgentId).ifPresent(leads::add);
			}
			Long caseId = affected.isEmpty() ? null : affected.get(0).id();
			Long conversationId = claimed.subjectKind() == SubjectKind.CONVERSATION ? claimed.subjectId() : null;
			for (Long lead : leads) {
				notifications.insert(lead, Notification.SLA_BREACH, claimed.stage(), caseId, conversationId, breachId, now);
			}
		}
		if (policy != null && policy.raisePriority()) {
			for (CaseView c : affected) {
				Priority up = higher(c.priority());
				if (up != c.priority()) {
					cases.changePriority(c.id(), up, Actor.SYSTEM);
				}
			}
		}
		signal(claimed);
		affected.forEach(c -> live.publish(LiveSignal.caseChanged(c.id(), c.teamId())));
		return Outcome.BREACHED;
	}

	private List<CaseView> affectedCases(ClockRow clock) {
		if (clock.subjectKind() == SubjectKind.CASE) {
			return cases.get(clock.subjectId()).stream().toList();
		}
		return cases.openCasesOf(clock.subjectId());
	}

	private java.util.Optional<Long> teamOf(ClockRow clock, List<CaseView> affected) {
		if (clock.teamId() != null) {
			return java.util.Optional.of(clock.teamId());
		}
		if (clock.subjectKind() == SubjectKind.CONVERSATION) {
			return conversations.conversation(clock.subjectId()).map(Conversation::teamId);
		}
		return affected.stream().findFirst().map(CaseView::teamId);
	}

	private void signal(ClockRow clock) {
		live.publish(clock.subjectKind() == SubjectKind.CASE ? LiveSignal.clock(clock.subjectId(), clock.teamId())
				: LiveSignal.conversation(clock.subjectId(), clock.teamId()));
	}

	static Priority higher(Priority p) {
		Priority[] all = Priority.values();
		return p.ordinal() + 1 < all.length ? all[p.ordinal() + 1] : p;
	}

	/** The clock changed between claim and fire; the transaction rolls back and nothing is recorded. */
	static final class ClockMoved extends RuntimeException {

		ClockMoved() {
			super(null, null, false, false);
		}
	}
}
