package org.ombud.identity;

/**
 * What an agent may see and do. Visibility by role:
 * <ul>
 * <li>{@link #ADMIN} and {@link #SUPERVISOR} see every case and chat; admins also manage people, teams,
 * categories, channels, tokens and policies;</li>
 * <li>{@link #ACCOUNT_MANAGER} sees their teams' work and the chats of the organisations they manage, and
 * grants colleagues visibility of a chat;</li>
 * <li>{@link #DUTY_AGENT} and {@link #MODERATOR} see their teams' work and the chats nobody has routed yet;
 * on duty, they get the alarms of those chats;</li>
 * <li>{@link #TASK_AGENT} sees only what is assigned to them or granted to them;</li>
 * <li>{@link #COMPLIANCE_VIEWER} sees no case or chat, but reads and exports the audit log.</li>
 * </ul>
 * Everyone but the compliance viewer also sees what is assigned or granted to them. API clients are not agents:
 * their tokens carry scopes instead.
 */
public enum Role {
	ADMIN, SUPERVISOR, ACCOUNT_MANAGER, DUTY_AGENT, MODERATOR, TASK_AGENT, COMPLIANCE_VIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Sees every case and chat. */
	public boolean seesEverything() {
		return this == ADMIN || this == SUPERVISOR;
	}

	/** Sees the work routed to their teams. */
	public boolean seesTeams() {
		return this == ACCOUNT_MANAGER || this == DUTY_AGENT || this == MODERATOR;
	}

	/** Works cases and chats at all (a compliance viewer only reads the audit log). */
	public boolean works() {
		return this != COMPLIANCE_VIEWER;
	}

	/** May grant a colleague visibility of a chat they see, and revoke such grants. */
	public boolean grants() {
		return this == ADMIN || this == SUPERVISOR || this == ACCOUNT_MANAGER;
	}

	/** Reads and exports the audit log. */
	public boolean readsAudit() {
		return this == ADMIN || this == COMPLIANCE_VIEWER;
	}
}
