package org.ombud.identity;

import java.util.Set;

/** What an admin fills in to add an agent. */
public record NewAgent(String username, String displayName, String email, String password, Role role, String locale,
		Set<Long> teamIds) {
}
