package org.ombud.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
		jdbc.sql("""
				insert into conversations (channel, contact_id, created_at, last_message_at, list_at)
				values (?, ?, ?, ?, ?)""")
			.params(channel, contactId, now, now, now)
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

	/** The conversation's team, if it exists: empty when there is no such conversation. */
	public Optional<Optional<Long>> team(long conversationId) {
		return jdbc.sql("select team_id from conversations where id = ?")
			.param(conversationId)
			.query((rs, n) -> Optional.ofNullable(rs.getObject("team_id", Long.class)))
			.optional();
	}

	/**
	 * A message moved the conversation's last activity. Its place in the chat list ({@code list_at}) moves up
	 * only when the previous message is at least {@code reorderAfter} old, so a lively chat does not jump; a
	 * contact's message lists the conversation again and starts the wait for an answer, ours ends it.
	 */
	public void messageAdded(long conversationId, MessageKind kind, long messageId, Instant at, Duration reorderAfter) {
		var now = SqlTime.param(at);
		var quietSince = SqlTime.param(at.minus(reorderAfter));
		if (kind == MessageKind.INBOUND) {
			jdbc.sql("""
					update conversations set list_at = case when last_message_at <= ? then ? else list_at end,
					  last_message_at = ?, last_inbound_id = ?, waiting_since = coalesce(waiting_since, ?), listed = true
					where id = ?""")
				.params(quietSince, now, now, messageId, now, conversationId)
				.update();
		}
		else {
			jdbc.sql("""
					update conversations set list_at = case when last_message_at <= ? then ? else list_at end,
					  last_message_at = ?, waiting_since = null
					where id = ?""")
				.params(quietSince, now, now, conversationId)
				.update();
		}
	}

	/** The conversation follows its open case: that case's team and assignee, and it is listed. */
	public Optional<Long> followOpenCase(long conversationId, long caseId, long teamId, Long assigneeId) {
		Optional<Long> before = teamOf(conversationId);
		jdbc.sql("update conversations set open_case_id = ?, team_id = ?, case_assignee_id = ?, listed = true where id = ?")
			.params(caseId, teamId, assigneeId, conversationId)
			.update();
		return before;
	}

	/**
	 * No open case any more: a group chat goes back to its organisation's team and stays listed, any other
	 * conversation leaves the list (until the contact writes again) and keeps its last team.
	 */
	public Optional<Long> noOpenCase(long conversationId) {
		Optional<Long> before = teamOf(conversationId);
		jdbc.sql("""
				update conversations set open_case_id = null, case_assignee_id = null,
				  team_id = coalesce((select o.team_id from organisations o where o.id = conversations.organisation_id), team_id),
				  listed = organisation_id is not null
				where id = ?""")
			.param(conversationId)
			.update();
		return before;
	}

	/** A group chat of an organisation: its team (unless an open case has one) and account manager. */
	public void joinOrganisation(long conversationId, long organisationId) {
		jdbc.sql("""
				update conversations set organisation_id = ?,
				  team_id = case when open_case_id is null
				    then coalesce((select o.team_id from organisations o where o.id = ?), team_id) else team_id end,
				  assignee_id = coalesce(assignee_id, (select o.account_manager_id from organisations o where o.id = ?))
				where id = ?""")
			.params(organisationId, organisationId, organisationId, conversationId)
			.update();
	}

	/** The agent who looks after the conversation itself (a group chat's account manager, say), or nobody. */
	public boolean assign(long conversationId, Long agentId) {
		return jdbc.sql("update conversations set assignee_id = ? where id = ?").params(agentId, conversationId).update() == 1;
	}

	public Optional<Long> teamOf(long conversationId) {
		return team(conversationId).flatMap(t -> t);
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
				insert into conversations (channel, contact_id, organisation_id, team_id, title, endpoint_key,
				  external_chat_id, created_at, last_message_at, list_at)
				values (?, ?, ?, (select o.team_id from organisations o where o.id = ?), ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(channel, contactId, organisationId, organisationId, title, endpointKey, chatId, now, now, now)
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
