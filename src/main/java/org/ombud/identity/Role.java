package org.ombud.identity;

/** What an agent may do. Admins manage people, teams, categories and tokens. */
public enum Role {
	ADMIN, SUPERVISOR, AGENT;

	public String authority() {
		return "ROLE_" + name();
	}
}
