package org.ombud.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One SLA clock as a reader sees it. {@code subjectId} is a conversation's id for {@link Stage#FIRST_REPLY},
 * a case's id otherwise. While paused, {@code dueAt} and {@code warnAt} are null and {@code remaining} says how
 * much of the target is left. {@code stoppedAt} is when the clock stopped (met, or stopped late), null while it
 * still counts.
 */
public record ClockView(long id, Stage stage, long subjectId, Duration target, Instant startedAt, Instant warnAt,
		Instant dueAt, State state, Duration remaining, Instant stoppedAt) {

	public ClockView(long id, Stage stage, long subjectId, Duration target, Instant startedAt, Instant warnAt,
			Instant dueAt, State state, Duration remaining) {
		this(id, stage, subjectId, target, startedAt, warnAt, dueAt, state, remaining, null);
	}

	/** Still counting: running, paused, or breached and not yet stopped. */
	public boolean counting() {
		return stoppedAt == null && state != State.MET;
	}

	public enum Stage {
		FIRST_REPLY, ACKNOWLEDGEMENT, TRIAGE, INVESTIGATION, RESULT
	}

	public enum State {
		RUNNING, PAUSED, MET, BREACHED
	}

	/** How a row shows this clock now. */
	public enum Level {
		OK, WARNING, BREACHED, PAUSED, DONE
	}

	public Level level(Instant now) {
		return switch (state) {
			case MET -> Level.DONE;
			case BREACHED -> Level.BREACHED;
			case PAUSED -> Level.PAUSED;
			case RUNNING -> dueAt != null && !now.isBefore(dueAt) ? Level.BREACHED
					: warnAt != null && !now.isBefore(warnAt) ? Level.WARNING : Level.OK;
		};
	}

	/** Time left until due (negative once overdue); for a paused clock, what is left of its target. */
	public Duration timeLeft(Instant now) {
		return state == State.PAUSED || dueAt == null ? remaining : Duration.between(now, dueAt);
	}
}
