package org.ombud.identity;

import org.ombud.identity.internal.PreferenceStore;
import org.ombud.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agent's own settings for their outbound messages. */
@Service
public class AgentPreferences {

	private final PreferenceStore store;

	AgentPreferences(PreferenceStore store) {
		this.store = store;
	}

	/** The agent's defaults; none for an unknown agent. */
	public OutboundDefaults outboundDefaults(long agentId) {
		return store.outboundDefaults(agentId).orElse(OutboundDefaults.NONE);
	}

	@Transactional
	public void changeOutboundDefaults(long agentId, OutboundDefaults defaults) {
		if (!store.updateOutboundDefaults(agentId, defaults)) {
			throw new NotFound("agent");
		}
	}
}
