package org.ombud.identity;

import java.util.Set;

/** An agent; {@code onDuty} agents get alarms. */
public record Agent(long id, String username, String displayName, String email, Role role, String locale,
		boolean active, Set<Long> teamIds, boolean onDuty) {

	public Agent {
		teamIds = Set.copyOf(teamIds);
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}

	/** Admins and supervisors see every team's work; agents their own teams'. */
	public boolean seesAllTeams() {
		return role == Role.ADMIN || role == Role.SUPERVISOR;
	}
}
