package org.ombud.sla.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.ombud.cases.CaseEvents.CaseAssigned;
import org.ombud.cases.CaseEvents.CaseOpened;
import org.ombud.cases.CaseEvents.CaseStatusChanged;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageReceived;
import org.ombud.conversations.MessageSent;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.sla.BusinessCalendar;
import org.ombud.sla.ClockView.Stage;
import org.ombud.sla.ClockView.State;
import org.ombud.sla.SlaPolicies;
import org.ombud.sla.SlaPolicy;
import org.ombud.sla.internal.ClockRow.SubjectKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts, pauses, resumes and stops clocks as conversations and cases change. Listens in the transaction of the
 * change, so a clock commits (or rolls back) with what moved it.
 */
@Component
public class ClockKeeper {

	private final ClockStore clocks;

	private final SlaPolicies policies;

	private final CalendarStore calendars;

	private final CaseManagement cases;

	private final Conversations conversations;

	private final LiveBus live;

	private final Clock clock;

	ClockKeeper(ClockStore clocks, SlaPolicies policies, CalendarStore calendars, CaseManagement cases,
			Conversations conversations, LiveBus live, Clock clock) {
		this.clocks = clocks;
		this.policies = policies;
		this.calendars = calendars;
		this.cases = cases;
		this.conversations = conversations;
		this.live = live;
		this.clock = clock;
	}

	// --- conversations: the first reply

	/** A contact wrote: a first-reply clock starts unless one is already running. */
	@EventListener
	void on(MessageReceived event) {
		Optional<Conversation> conversation = conversations.conversation(event.conversationId());
		if (conversation.isEmpty()
				|| !clocks.active(SubjectKind.CONVERSATION, event.conversationId(), Stage.FIRST_REPLY).isEmpty()) {
			return;
		}
		Conversation c = conversation.get();
		policies.match(new SlaPolicy.Circumstances(c.channel(), null, null, c.organisationId()))
			.ifPresent(p -> {
				if (start(p, Stage.FIRST_REPLY, SubjectKind.CONVERSATION, c.id(), c.teamId(), now())) {
					live.publish(LiveSignal.conversation(c.id(), c.teamId()));
				}
			});
	}

	/** One of us wrote to the contact: the running first-reply clock stops. */
	@EventListener
	void on(MessageSent event) {
		List<ClockRow> running = clocks.active(SubjectKind.CONVERSATION, event.conversationId(), Stage.FIRST_REPLY);
		Instant now = now();
		for (ClockRow c : running) {
			stop(c, now);
		}
		if (!running.isEmpty()) {
			live.publish(LiveSignal.conversation(event.conversationId(), running.get(0).teamId()));
		}
	}

	// --- cases: the stages

	@EventListener
	void on(CaseOpened event) {
		CaseView c = cases.get(event.caseId()).orElseThrow();
		Instant now = now();
		policyFor(c).ifPresent(p -> {
			start(p, Stage.ACKNOWLEDGEMENT, SubjectKind.CASE, c.id(), c.teamId(), now);
			start(p, Stage.TRIAGE, SubjectKind.CASE, c.id(), c.teamId(), now);
			start(p, Stage.RESULT, SubjectKind.CASE, c.id(), c.teamId(), now);
		});
	}

	@EventListener
	void on(CaseStatusChanged event) {
		CaseStatus from = CaseStatus.valueOf(event.from());
		CaseStatus to = CaseStatus.valueOf(event.to());
		CaseView c = cases.get(event.caseId()).orElseThrow();
		Instant now = now();
		if (from == CaseStatus.NEW) {
			clocks.active(SubjectKind.CASE, c.id(), Stage.TRIAGE).forEach(k -> stop(k, now));
			if (to.isOpen()) {
				policyFor(c).ifPresent(p -> start(p, Stage.INVESTIGATION, SubjectKind.CASE, c.id(), c.teamId(), now));
			}
		}
		if (!from.isOpen() && to.isOpen()) {
			// reopened: a new investigation and a new result are owed
			policyFor(c).ifPresent(p -> {
				start(p, Stage.INVESTIGATION, SubjectKind.CASE, c.id(), c.teamId(), now);
				start(p, Stage.RESULT, SubjectKind.CASE, c.id(), c.teamId(), now);
			});
		}
		if (!to.isOpen()) {
			clocks.active(SubjectKind.CASE, c.id()).forEach(k -> stop(k, now));
		}
		else if (to == CaseStatus.AWAITING_COMPLAINANT) {
			clocks.active(SubjectKind.CASE, c.id()).stream().filter(ClockRow::running).forEach(k -> pause(k, now));
		}
		else if (from == CaseStatus.AWAITING_COMPLAINANT) {
			clocks.active(SubjectKind.CASE, c.id())
				.stream()
				.filter(k -> k.state() == State.PAUSED)
				.forEach(k -> resume(k, now));
		}
		live.publish(LiveSignal.clock(c.id(), c.teamId()));
	}

	/** A case moved to another team: its clocks go with it (the queue of the new team orders by them). */
	@EventListener
	void on(CaseAssigned event) {
		clocks.moveTeam(SubjectKind.CASE, event.caseId(), event.teamId());
		live.publish(LiveSignal.clock(event.caseId(), event.teamId()));
	}

	// --- the arithmetic

	private Optional<SlaPolicy> policyFor(CaseView c) {
		Long organisationId = conversations.conversation(c.conversationId()).map(Conversation::organisationId).orElse(null);
		return policies.match(new SlaPolicy.Circumstances(c.channel(), c.categoryId(), c.priority(), organisationId));
	}

	/** Starts a clock for the stage if the policy sets a target for it; acknowledgement is met at once. */
	boolean start(SlaPolicy policy, Stage stage, SubjectKind kind, long subjectId, Long teamId, Instant now) {
		SlaPolicy.Target target = policy.target(stage);
		if (target == null) {
			return false;
		}
		Long calendarId = policy.businessTime() ? policy.calendarId() : null;
		if (stage == Stage.ACKNOWLEDGEMENT) {
			clocks.insert(new ClockStore.NewClock(stage, kind, subjectId, teamId, policy.id(), calendarId,
					Duration.ZERO, null, now, null, now, State.MET, now));
			return true;
		}
		BusinessCalendar calendar = calendar(calendarId);
		Duration warnAfter = target.warning();
		Instant due = calendar.add(now, target.target());
		Instant warnAt = warnAfter.compareTo(target.target()) < 0 ? calendar.add(now, warnAfter) : null;
		clocks.insert(new ClockStore.NewClock(stage, kind, subjectId, teamId, policy.id(), calendarId,
				target.target(), warnAfter, now, warnAt, due, State.RUNNING, null));
		return true;
	}

	/** Keeps what is left of the target (business time if the clock counts it; negative once overdue). */
	void pause(ClockRow c, Instant now) {
		BusinessCalendar calendar = calendar(c.calendarId());
		Duration remaining = now.isBefore(c.dueAt()) ? calendar.between(now, c.dueAt())
				: Duration.between(c.dueAt(), now).negated();
		// overdue but not yet seen by the detector: it still fires, so the breach is recorded
		boolean keepFiring = c.breachedAt() == null && !now.isBefore(c.dueAt());
		clocks.pause(c.id(), remaining, keepFiring);
	}

	/** Due again what was left from now on; the warning where it falls in what is left. */
	void resume(ClockRow c, Instant now) {
		BusinessCalendar calendar = calendar(c.calendarId());
		Duration remaining = c.remaining() == null ? Duration.ZERO : c.remaining();
		Instant due = remaining.isNegative() ? now.plus(remaining) : calendar.add(now, remaining);
		Instant warnAt = null;
		if (!c.warned() && c.warnAfter() != null && c.warnAfter().compareTo(c.target()) < 0
				&& !remaining.isNegative()) {
			Duration elapsed = c.target().minus(remaining);
			Duration untilWarning = c.warnAfter().minus(elapsed);
			warnAt = untilWarning.isNegative() ? now : calendar.add(now, untilWarning);
		}
		boolean breached = c.breachedAt() != null;
		Instant nextFire = breached ? null : warnAt != null ? warnAt : due;
		clocks.resume(c.id(), breached ? State.BREACHED : State.RUNNING, warnAt, due, nextFire);
	}

	void stop(ClockRow c, Instant now) {
		// late, but before the detector saw it: stopped all the same, and the detector still records the breach
		boolean lateUnseen = c.breachedAt() == null && (c.state() == State.PAUSED ? c.nextFireAt() != null
				: c.dueAt() != null && now.isAfter(c.dueAt()));
		clocks.stop(c.id(), now, lateUnseen);
	}

	private BusinessCalendar calendar(Long calendarId) {
		return calendarId == null ? BusinessCalendar.ALWAYS
				: calendars.byId(calendarId).map(c -> c.businessCalendar()).orElse(BusinessCalendar.ALWAYS);
	}

	private Instant now() {
		// the database keeps microseconds: what is computed here equals what is read back
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
