package org.ombud.api;

import java.time.Clock;
import java.util.Optional;

import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Idempotency-Keys a token has used, each with the hash of its request and what it created. The primary key
 * (token, key) is what makes two racing requests create one thing: the second insert fails and its transaction
 * rolls back.
 */
@Repository
class IdempotencyKeys {

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record UsedForCase(String requestHash, long caseId) {
	}

	record UsedForMessage(String requestHash, long caseId, long messageId) {
	}

	Optional<UsedForCase> forCase(long tokenId, String key) {
		return jdbc.sql("select request_hash, case_id from api_idempotency where token_id = ? and idem_key = ?")
			.params(tokenId, key)
			.query((rs, n) -> new UsedForCase(rs.getString(1), rs.getLong(2)))
			.optional();
	}

	void rememberCase(long tokenId, String key, String requestHash, long caseId) {
		jdbc.sql("""
				insert into api_idempotency (token_id, idem_key, request_hash, case_id, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(tokenId, key, requestHash, caseId, SqlTime.param(clock.instant()))
			.update();
	}

	Optional<UsedForMessage> forMessage(long tokenId, String key) {
		return jdbc.sql("""
				select request_hash, case_id, message_id from api_message_idempotency
				where token_id = ? and idem_key = ?""")
			.params(tokenId, key)
			.query((rs, n) -> new UsedForMessage(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.optional();
	}

	void rememberMessage(long tokenId, String key, String requestHash, long caseId, long messageId) {
		jdbc.sql("""
				insert into api_message_idempotency (token_id, idem_key, request_hash, case_id, message_id, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(tokenId, key, requestHash, caseId, messageId, SqlTime.param(clock.instant()))
			.update();
	}
}
