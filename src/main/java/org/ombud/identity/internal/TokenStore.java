package org.ombud.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ombud.identity.ApiClient;
import org.ombud.identity.ApiScope;
import org.ombud.identity.ApiToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** API tokens in SQL: only hashes. */
@Repository
public class TokenStore {

	private static final String COLUMNS = "id, name, token_prefix, scopes, created_at, last_used_at, revoked_at";

	private final JdbcClient jdbc;

	TokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String name, String prefix, String hash, Set<ApiScope> scopes, Long createdBy, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into api_tokens (name, token_prefix, token_hash, scopes, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(name, prefix, hash, ApiScope.format(scopes), createdBy, at.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<ApiToken> token(long id) {
		return jdbc.sql("select " + COLUMNS + " from api_tokens where id = ?").param(id).query(TokenStore::token).optional();
	}

	public List<ApiToken> list() {
		return jdbc.sql("select " + COLUMNS + " from api_tokens order by id desc").query(TokenStore::token).list();
	}

	public boolean existsByHash(String hash) {
		return jdbc.sql("select count(*) from api_tokens where token_hash = ?").param(hash).query(Long.class).single() > 0;
	}

	public record ActiveToken(ApiClient client, Instant lastUsedAt) {
	}

	public Optional<ActiveToken> findActiveByHash(String hash) {
		return jdbc.sql("select id, name, scopes, last_used_at from api_tokens where token_hash = ? and revoked_at is null")
			.param(hash)
			.query((rs, n) -> new ActiveToken(
					new ApiClient(rs.getLong("id"), rs.getString("name"), ApiScope.parse(rs.getString("scopes"))),
					instant(rs.getTimestamp("last_used_at"))))
			.optional();
	}

	public void revoke(long id, Instant at) {
		jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
			.params(at.atOffset(ZoneOffset.UTC), id)
			.update();
	}

	/** Notes the last use, at most once per resolution window so busy clients do not write on every call. */
	public void touch(long id, Instant at, Instant olderThan) {
		jdbc.sql("update api_tokens set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
			.params(at.atOffset(ZoneOffset.UTC), id, olderThan.atOffset(ZoneOffset.UTC))
			.update();
	}

	private static ApiToken token(ResultSet rs, int n) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
				ApiScope.parse(rs.getString("scopes")), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("last_used_at")),
				instant(rs.getTimestamp("revoked_at")));
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}
}
