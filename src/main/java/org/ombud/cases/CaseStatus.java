package org.ombud.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a case stands. The transition table is the only way to move: a case is closed only once resolved,
 * and a resolved or closed case can be reopened (back to investigating).
 */
public enum CaseStatus {

	NEW, TRIAGED, INVESTIGATING, AWAITING_COMPLAINANT, RESOLVED, CLOSED;

	private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
			NEW, EnumSet.of(TRIAGED, INVESTIGATING, AWAITING_COMPLAINANT, RESOLVED),
			TRIAGED, EnumSet.of(INVESTIGATING, AWAITING_COMPLAINANT, RESOLVED),
			INVESTIGATING, EnumSet.of(TRIAGED, AWAITING_COMPLAINANT, RESOLVED),
			AWAITING_COMPLAINANT, EnumSet.of(INVESTIGATING, RESOLVED),
			RESOLVED, EnumSet.of(CLOSED, INVESTIGATING),
			CLOSED, EnumSet.of(INVESTIGATING));

	public boolean canTransitionTo(CaseStatus next) {
		return NEXT.get(this).contains(next);
	}

	public Set<CaseStatus> next() {
		return EnumSet.copyOf(NEXT.get(this));
	}

	/** Still work to do: everything before resolution. */
	public boolean isOpen() {
		return this != RESOLVED && this != CLOSED;
	}

	public String messageKey() {
		return "case.status." + name();
	}
}
