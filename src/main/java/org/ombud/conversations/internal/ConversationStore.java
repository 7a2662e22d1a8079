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
import org.ombud.conversations.MessageEdit;
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

	/** A conversation living in one chat of a channel endpoint; nothing when that chat already has one. */
	public void insertChannelConversation(String channel, String endpointKey, String chatId, long contactId,
			Long organisationId, String title) {
		var now = SqlTime.param(clock.instant());
		jdbc.sql("""
				insert into conversations (channel, contact_id, organisation_id, title, endpoint_key, external_chat_id,
				  created_at, last_message_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(channel, contactId, organisationId, title, endpointKey, chatId, now, now)
			.update();
	}

	/** The conversation of one chat, its row held until the transaction ends. */
	public Optional<Conversation> lockChat(String channel, String endpointKey, String chatId) {
		return jdbc.sql("""
				select id, channel, contact_id, organisation_id, team_id, title, endpoint_key, external_chat_id,
				       created_at, last_message_at
				from conversations where channel = ? and endpoint_key = ? and external_chat_id = ? for update""")
			.params(channel, endpointKey, chatId)
			.query((rs, n) -> new Conversation(rs.getLong("id"), rs.getString("channel"), rs.getLong("contact_id"),
					rs.getObject("organisation_id", Long.class), rs.getObject("team_id", Long.class),
					rs.getString("title"), rs.getString("endpoint_key"), rs.getString("external_chat_id"),
					SqlTime.get(rs, "created_at"), SqlTime.get(rs, "last_message_at")))
			.optional();
	}

	/**
	 * A message that is already on its channel: {@code externalId} is the channel's id of it; an outbound one
	 * (written by one of our people on the channel itself) is stored as sent, so nothing delivers it again.
	 */
	public Message insertChannelMessage(long conversationId, MessageKind kind, Long authorAgentId,
			Long authorContactId, String body, String externalId) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into messages (conversation_id, kind, author_agent_id, author_contact_id, body, created_at,
				  external_id, delivery_state)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(conversationId, kind.name(), authorAgentId, authorContactId, body, SqlTime.param(now), externalId,
					kind == MessageKind.OUTBOUND ? "SENT" : null)
			.update(keys, "id");
		return new Message(keys.getKey().longValue(), conversationId, kind, authorAgentId, body, now);
	}

	public Optional<Message> messageByExternalId(long conversationId, String externalId) {
		return jdbc.sql("select " + MESSAGE_COLUMNS + " from messages where conversation_id = ? and external_id = ? order by id")
			.params(conversationId, externalId)
			.query(ConversationStore::message)
			.optional();
	}

	public Optional<Long> authorContact(long messageId) {
		return jdbc.sql("select author_contact_id from messages where id = ?")
			.param(messageId)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	/** Keeps the old text in the message's history and puts the new one in its place. */
	public void edit(long messageId, String oldBody, String newBody) {
		var now = SqlTime.param(clock.instant());
		jdbc.sql("insert into message_edits (message_id, old_body, edited_at) values (?, ?, ?)")
			.params(messageId, oldBody, now)
			.update();
		jdbc.sql("update messages set body = ?, edited_at = ? where id = ?").params(newBody, now, messageId).update();
	}

	public List<MessageEdit> edits(long messageId) {
		return jdbc.sql("select old_body, edited_at from message_edits where message_id = ? order by id")
			.param(messageId)
			.query((rs, n) -> new MessageEdit(messageId, rs.getString("old_body"), SqlTime.get(rs, "edited_at")))
			.list();
	}

	private static Message message(ResultSet rs, int n) throws SQLException {
		return new Message(rs.getLong("id"), rs.getLong("conversation_id"), MessageKind.valueOf(rs.getString("kind")),
				rs.getObject("author_agent_id", Long.class), rs.getString("body"), SqlTime.get(rs, "created_at"));
	}
}
