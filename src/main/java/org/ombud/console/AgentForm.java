package org.ombud.console;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ombud.identity.Agent;
import org.ombud.identity.Role;

/** An agent as the admin form sends it; text throughout so that nothing fails to bind. */
record AgentForm(String username, String displayName, String email, String password, String role, String locale,
		String active, List<String> teamIds) {

	static AgentForm empty() {
		return new AgentForm("", "", "", "", Role.DUTY_AGENT.name(), "en", "true", List.of());
	}

	static AgentForm of(Agent agent) {
		return new AgentForm(agent.username(), agent.displayName(), agent.email(), "", agent.role().name(),
				agent.locale(), String.valueOf(agent.active()),
				agent.teamIds().stream().map(String::valueOf).toList());
	}

	Role roleOrNull() {
		for (Role r : Role.values()) {
			if (r.name().equals(role)) {
				return r;
			}
		}
		return null;
	}

	boolean isActive() {
		return "true".equals(active);
	}

	/** The chosen teams; an unreadable id becomes -1 so that the directory refuses it as unknown. */
	Set<Long> teams() {
		Set<Long> ids = new LinkedHashSet<>();
		if (teamIds != null) {
			for (String id : teamIds) {
				Long value = CaseController.id(id);
				ids.add(value == null ? -1L : value);
			}
		}
		return ids;
	}

	public boolean hasTeam(long id) {
		return teamIds != null && teamIds.contains(String.valueOf(id));
	}
}
