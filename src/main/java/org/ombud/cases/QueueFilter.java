package org.ombud.cases;

import org.ombud.identity.Visibility;

/**
 * Which cases a queue shows; every field is optional. {@code assigneeId} of 0 means unassigned;
 * {@code openOnly} hides resolved and closed cases when no status is chosen; {@code visibility}, when given,
 * keeps to the cases that agent may see ({@code null}: no such limit, for the desk's own work);
 * {@code openedByToken} to the cases that API token opened.
 */
public record QueueFilter(Long teamId, CaseStatus status, Long categoryId, Long assigneeId, String text,
		boolean openOnly, Visibility visibility, Long openedByToken) {

	public QueueFilter(Long teamId, CaseStatus status, Long categoryId, Long assigneeId, String text, boolean openOnly) {
		this(teamId, status, categoryId, assigneeId, text, openOnly, null, null);
	}

	public static QueueFilter all() {
		return new QueueFilter(null, null, null, null, null, false);
	}

	/** The same filter, within what the agent may see. */
	public QueueFilter seenBy(Visibility who) {
		return new QueueFilter(teamId, status, categoryId, assigneeId, text, openOnly, who, openedByToken);
	}

	/** The same filter, only cases opened through the API with this token. */
	public QueueFilter openedBy(long tokenId) {
		return new QueueFilter(teamId, status, categoryId, assigneeId, text, openOnly, visibility, tokenId);
	}
}
