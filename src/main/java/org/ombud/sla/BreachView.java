package org.ombud.sla;

import java.time.Instant;

/** A recorded miss: which clock, which stage, when it was due and when it was noticed. */
public record BreachView(long id, long clockId, ClockView.Stage stage, long subjectId, Instant dueAt,
		Instant detectedAt) {
}
