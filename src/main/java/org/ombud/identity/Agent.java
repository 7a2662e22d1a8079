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

	/** Admins and supervisors see every team's work; the others what their role gives them (see {@link Role}). */
	public boolean seesAllTeams() {
		return role.seesEverything();
	}
}
