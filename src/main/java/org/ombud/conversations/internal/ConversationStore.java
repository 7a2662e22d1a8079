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

	private static Message message(ResultSet rs, int n) throws SQLException {
		return new Message(rs.getLong("id"), rs.getLong("conversation_id"), MessageKind.valueOf(rs.getString("kind")),
				rs.getObject("author_agent_id", Long.class), rs.getString("body"), SqlTime.get(rs, "created_at"));
	}
}
