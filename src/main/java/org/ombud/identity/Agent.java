package org.ombud.identity;

import java.util.Set;

public record Agent(long id, String username, String displayName, String email, Role role, String locale,
		boolean active, Set<Long> teamIds) {

	public Agent {
		teamIds = Set.copyOf(teamIds);
	}

	public boolean isAdmin() {
		return role == Role.ADMIN;
	}
}
