package org.ombud.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ombud.sla.BreachView;
import org.ombud.sla.ClockView;

/** A missed SLA target of a case. */
@Schema(name = "SlaBreach", description = "A missed SLA target: the stage, when it was due and when it was noticed.")
record BreachResource(ClockView.Stage stage, Instant dueAt, Instant detectedAt) {

	static BreachResource of(BreachView b) {
		return new BreachResource(b.stage(), b.dueAt(), b.detectedAt());
	}
}
