package org.ombud.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads agents for form login. */
@Component
class AgentLogin implements UserDetailsService {

	private final AgentStore agents;

	AgentLogin(AgentStore agents) {
		this.agents = agents;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return agents.principal(username == null ? "" : username.trim().toLowerCase())
			.orElseThrow(() -> new UsernameNotFoundException("unknown agent"));
	}
}
