package org.ombud.cases;

/**
 * Which cases a queue shows; every field is optional. {@code assigneeId} of 0 means unassigned;
 * {@code openOnly} hides resolved and closed cases when no status is chosen.
 */
public record QueueFilter(Long teamId, CaseStatus status, Long categoryId, Long assigneeId, String text,
		boolean openOnly) {

	public static QueueFilter all() {
		return new QueueFilter(null, null, null, null, null, false);
	}
}
