package org.ombud.sla.internal;

import java.time.Duration;
import java.time.Instant;

import org.ombud.sla.ClockView;

/** A clock as stored, with what the detector and the keeper need beyond what readers see. */
public record ClockRow(long id, ClockView.Stage stage, SubjectKind subjectKind, long subjectId, Long teamId,
		Long policyId, Long calendarId, Duration target, Duration warnAfter, Instant startedAt, Instant warnAt,
		Instant dueAt, ClockView.State state, boolean running, boolean warned, Duration remaining,
		Instant breachedAt, Instant stoppedAt, Instant nextFireAt, String claimedBy) {

	public enum SubjectKind {
		CASE, CONVERSATION
	}

	public ClockView view() {
		boolean paused = state == ClockView.State.PAUSED;
		return new ClockView(id, stage, subjectId, target, startedAt, paused ? null : warnAt, paused ? null : dueAt,
				state, remaining, stoppedAt);
	}
}
