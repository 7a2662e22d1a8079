package org.ombud.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.ombud.conversations.Conversation;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageKind;
import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ConversationStore {

	private static final String MESSAGE_COLUMNS = "id, conversation_id, kind, author_agent_id, body, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	ConversationStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public long insertConversation(String channel, long contactId) {
		var now = SqlTime.param(clock.instant());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into conversations (channel, contact_id, created_at, last_message_at) values (?, ?, ?, ?)")
			.params(channel, contactId, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Conversation> conversation(long id) {
		return jdbc.sql("""
				select id, channel, contact_id, organisation_id, team_id, title, endpoint_key, external_chat_id,
				       created_at, last_message_at
				from conversations where id = ?""")
			.param(id)
			.query((rs, n) -> new Conversation(rs.getLong("id"), rs.getString("channel"), rs.getLong("contact_id"),
					rs.getObject("organisation_id", Long.class), rs.getObject("team_id", Long.class),
					rs.getString("title"), rs.getString("endpoint_key"), rs.getString("external_chat_id"),
					SqlTime.get(rs, "created_at"), SqlTime.get(rs, "last_message_at")))
			.optional();
	}

	public Instant now() {
		return clock.instant();
	}

	public boolean exists(long conversationId) {
		return jdbc.sql("select count(*) from conversations where id = ?").param(conversationId).query(Long.class).single() > 0;
	}

	/** Moves the conversation's last activity; false when there is no such conversation. */
	public boolean touch(long conversationId, Instant at) {
		return jdbc.sql("update conversations set last_message_at = ? where id = ?")
			.params(SqlTime.param(at), conversationId)
			.update() == 1;
	}

	public Message insertMessage(long conversationId, MessageKind kind, Long authorAgentId, String body) {
		// the database keeps microseconds: the message returned equals the one read back later
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into messages (conversation_id, kind, author_agent_id, body, created_at) values (?, ?, ?, ?, ?)")
			.params(conversationId, kind.name(), authorAgentId, body, SqlTime.param(now))
			.update(keys, "id");
		return new Message(keys.getKey().longValue(), conversationId, kind, authorAgentId, body, now);
	}

	public List<Message> messages(long conversationId) {
		return jdbc.sql("select " + MESSAGE_COLUMNS + " from messages where conversation_id = ? order by id")
			.param(conversationId)
			.query(ConversationStore::message)
			.list();
	}

	public Optional<Message> message(long id) {
		return jdbc.sql("select " + MESSAGE_COLUMNS + " from messages where id = ?")
			.param(id)
			.query(ConversationStore::message)
			.optional();
	}

	private static Message message(ResultSet rs, int n) throws SQLException {
		return new Message(rs.getLong("id"), rs.getLong("conversation_id"), MessageKind.valueOf(rs.getString("kind")),
				rs.getObject("author_agent_id", Long.class), rs.getString("body"), SqlTime.get(rs, "created_at"));
	}
}
