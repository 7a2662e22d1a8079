package org.ombud.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ombud.conversations.Grant;
import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rows of {@code conversation_grants}. */
@Repository
public class GrantStore {

	private static final String COLUMNS = "id, conversation_id, grantee_id, granted_by, granted_at, expires_at, note, "
			+ "revoked_at, revoked_by";

	private final JdbcClient jdbc;

	GrantStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long conversationId, long granteeId, long grantedBy, Instant at, Instant expiresAt, String note) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into conversation_grants (conversation_id, grantee_id, granted_by, granted_at, expires_at, note)
				values (?, ?, ?, ?, ?, ?)""")
			.params(conversationId, granteeId, grantedBy, SqlTime.param(at), SqlTime.param(expiresAt), note)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Grant> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from conversation_grants where id = ?").param(id).query(this::row)
			.optional();
	}

	public List<Grant> ofConversation(long conversationId) {
		return jdbc.sql("select " + COLUMNS + " from conversation_grants where conversation_id = ? order by id desc")
			.param(conversationId)
			.query(this::row)
			.list();
	}

	/** The conversations granted to the agent and active at {@code now}. */
	public List<Long> activeFor(long granteeId, Instant now) {
		return jdbc.sql("""
				select distinct conversation_id from conversation_grants
				where grantee_id = ? and revoked_at is null and (expires_at is null or expires_at > ?)""")
			.params(granteeId, SqlTime.param(now))
			.query(Long.class)
			.list();
	}

	public boolean revoke(long id, long agentId, Instant at) {
		return jdbc.sql("update conversation_grants set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
			.params(SqlTime.param(at), agentId, id)
			.update() == 1;
	}

	/** The conversations of these organisations. */
	public List<Long> conversationsOf(Collection<Long> organisationIds) {
		if (organisationIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id from conversations where organisation_id in (:ids)")
			.param("ids", organisationIds)
			.query(Long.class)
			.list();
	}

	private Grant row(ResultSet rs, int n) throws SQLException {
		return new Grant(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("grantee_id"),
				rs.getLong("granted_by"), SqlTime.get(rs, "granted_at"), SqlTime.get(rs, "expires_at"),
				rs.getString("note"), SqlTime.get(rs, "revoked_at"), rs.getObject("revoked_by", Long.class));
	}
}
