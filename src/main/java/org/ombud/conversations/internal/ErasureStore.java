package org.ombud.conversations.internal;

import java.time.Instant;

import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Blanks what people wrote in a conversation: messages, their earlier versions, their channel ids. */
@Repository
public class ErasureStore {

	static final String ERASED = "";

	private final JdbcClient jdbc;

	ErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void erase(long conversationId, Instant at) {
		jdbc.sql("""
				delete from message_edits where message_id in (select id from messages where conversation_id = ?)""")
			.param(conversationId)
			.update();
		jdbc.sql("update messages set body = ?, external_id = null, delivery_error = null where conversation_id = ?")
			.params(ERASED, conversationId)
			.update();
		jdbc.sql("update conversations set title = null, external_chat_id = null, erased_at = ? where id = ?")
			.params(SqlTime.param(at), conversationId)
			.update();
	}
}
