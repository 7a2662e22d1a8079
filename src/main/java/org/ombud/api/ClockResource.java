package org.ombud.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ombud.sla.ClockView;

/** One SLA clock of a case as the API shows it. */
@Schema(name = "SlaClock", description = "One SLA clock of the case: a stage with a target, running, paused, met or missed.")
record ClockResource(
		@Schema(description = "The stage the clock measures.") ClockView.Stage stage,
		@Schema(description = "RUNNING, PAUSED (waiting for the complainant), MET or BREACHED.") ClockView.State state,
		@Schema(description = "The target as an ISO-8601 duration (business time if the policy counts it).",
				example = "PT24H", format = "duration") String target,
		Instant startedAt,
		@Schema(description = "When the clock turns amber; null while paused or without a warning.", nullable = true)
		Instant warnAt,
		@Schema(description = "When the target is due; null while paused.", nullable = true) Instant dueAt,
		@Schema(description = "While paused: what is left of the target (negative once overdue), ISO-8601.",
				example = "PT22H30M", format = "duration", nullable = true) String remaining,
		@Schema(description = "When the clock stopped (met, or late); null while it counts.", nullable = true)
		Instant stoppedAt) {

	static ClockResource of(ClockView c) {
		return new ClockResource(c.stage(), c.state(), c.target().toString(), c.startedAt(), c.warnAt(), c.dueAt(),
				c.remaining() == null ? null : c.remaining().toString(), c.stoppedAt());
	}
}
