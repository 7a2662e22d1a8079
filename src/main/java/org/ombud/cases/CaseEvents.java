package org.ombud.cases;

/** Everything that happens to a case, published in the transaction that made it happen. */
public sealed interface CaseEvents {

	long caseId();

	record CaseOpened(long caseId, String number, String channel, long teamId, String priority) implements CaseEvents {
	}

	record CaseStatusChanged(long caseId, String from, String to) implements CaseEvents {
	}

	record CaseAssigned(long caseId, long teamId, Long assigneeId) implements CaseEvents {
	}

	record CaseReplied(long caseId, long messageId) implements CaseEvents {
	}

	record ComplainantWrote(long caseId, long messageId) implements CaseEvents {
	}

	/** Anything else about the case changed: {@code what} is the timeline kind (NOTE, PRIORITY, CATEGORY, EVIDENCE). */
	record CaseUpdated(long caseId, String what) implements CaseEvents {
	}
}
