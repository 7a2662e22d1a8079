package org.ombud.identity.internal;

import org.ombud.identity.AgentPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads agents for form login, and stores a password's new hash when a login finds the old one weaker than
 * today's default (a {@code {bcrypt}} hash becomes an Argon2id one).
 */
@Component
class AgentLogin implements UserDetailsService, UserDetailsPasswordService {

	private final AgentStore agents;

	AgentLogin(AgentStore agents) {
		this.agents = agents;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return agents.principal(username == null ? "" : username.trim().toLowerCase())
			.orElseThrow(() -> new UsernameNotFoundException("unknown agent"));
	}

	@Override
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		AgentPrincipal agent = (AgentPrincipal) user;
		agents.updatePassword(agent.agentId(), newPasswordHash);
		return new AgentPrincipal(agent.agentId(), agent.username(), newPasswordHash, agent.role(), agent.active());
	}
}
