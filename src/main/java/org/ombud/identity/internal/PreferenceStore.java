package org.ombud.identity.internal;

import java.util.Optional;

import org.ombud.identity.OutboundDefaults;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agents' outbound defaults in SQL. */
@Repository
public class PreferenceStore {

	private final JdbcClient jdbc;

	PreferenceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<OutboundDefaults> outboundDefaults(long agentId) {
		return jdbc.sql("select no_link_preview, no_typing from agents where id = ?")
			.param(agentId)
			.query((rs, n) -> new OutboundDefaults(rs.getBoolean("no_link_preview"), rs.getBoolean("no_typing")))
			.optional();
	}

	public boolean updateOutboundDefaults(long agentId, OutboundDefaults defaults) {
		return jdbc.sql("update agents set no_link_preview = ?, no_typing = ? where id = ?")
			.params(defaults.noLinkPreview(), defaults.noTyping(), agentId)
			.update() == 1;
	}
}
