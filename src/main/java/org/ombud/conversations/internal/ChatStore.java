package org.ombud.conversations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ombud.conversations.ChatRow;
import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The chat list in SQL. The list of one team reads the partial index {@code conversations_list_by_team} in its
 * order ({@code list_at desc, id desc}) and stops at the limit: no sort, whatever the number of chats. Each row
 * then looks up its contact, organisation, the reading agent's marks and its last message by key.
 */
@Repository
public class ChatStore {

	private static final String SELECT = """
			select c.id, c.channel, c.title, c.organisation_id, o.name as organisation_name,
			  ct.display_name as contact_name, c.list_at, c.last_message_at, c.waiting_since, c.team_id,
			  c.open_case_id, coalesce(c.case_assignee_id, c.assignee_id) as assignee_id, c.listed, c.alarm_at,
			  c.alarm_by, c.last_inbound_id, mk.pin_position, mk.starred, mk.read_message_id,
			  (select substring(m.kind, 1, 1) || substring(m.body, 1, 200) from messages m
			   where m.conversation_id = c.id and m.kind <> 'NOTE' order by m.id desc fetch first 1 rows only) as last_message
			from conversations c
			join contacts ct on ct.id = c.contact_id
			left join organisations o on o.id = c.organisation_id
			""";

	private final JdbcClient jdbc;

	ChatStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Which part of the list: one team, the chats without a team, or every team. */
	public sealed interface Scope {

		record Team(long teamId) implements Scope {
		}

		record NoTeam() implements Scope {
		}

		/** Every team's chats (the assignee filter keeps to this agent's). */
		record AssignedTo(long agentId) implements Scope {
		}

		/** These conversations, whatever their team. */
		record Ids(java.util.Set<Long> ids) implements Scope {
		}

		record AllTeams() implements Scope {
		}
	}

	/** A statement and its parameters. */
	public record Query(String sql, List<Object> params) {
	}

	/** Listed chats in list order: {@code list_at desc, id desc}, at most {@code limit}. */
	public List<ChatRow> page(long agentId, long readAll, Scope scope, Long assigneeId, boolean unreadOnly,
			String channel, int limit) {
		Query q = pageQuery(agentId, readAll, scope, assigneeId, unreadOnly, channel, limit);
		return jdbc.sql(q.sql()).params(q.params()).query((rs, n) -> row(rs, readAll)).list();
	}

	/** The list's statement, apart so that a test can read its plan. */
	public static Query pageQuery(long agentId, long readAll, Scope scope, Long assigneeId, boolean unreadOnly,
			String channel, int limit) {
		List<Object> params = new ArrayList<>();
		params.add(agentId);
		StringBuilder sql = new StringBuilder(SELECT)
			.append("left join conversation_marks mk on mk.agent_id = ? and mk.conversation_id = c.id\nwhere c.listed");
		where(sql, params, scope, assigneeId, channel);
		if (unreadOnly) {
			sql.append(" and c.last_inbound_id > ? and (mk.read_message_id is null or c.last_inbound_id > mk.read_message_id)");
			params.add(readAll);
		}
		sql.append(" order by c.list_at desc, c.id desc fetch first ? rows only");
		params.add(limit);
		return new Query(sql.toString(), params);
	}

	/** The agent's starred chats (listed or not), in list order: few, so sorted as read. */
	public List<ChatRow> starred(long agentId, long readAll, Scope scope, Long assigneeId, boolean unreadOnly,
			String channel, int limit) {
		List<Object> params = new ArrayList<>();
		params.add(agentId);
		StringBuilder sql = new StringBuilder(SELECT)
			.append("join conversation_marks mk on mk.agent_id = ? and mk.conversation_id = c.id\nwhere mk.starred");
		where(sql, params, scope, assigneeId, channel);
		if (unreadOnly) {
			sql.append(" and c.last_inbound_id > ? and (mk.read_message_id is null or c.last_inbound_id > mk.read_message_id)");
			params.add(readAll);
		}
		sql.append(" order by c.list_at desc, c.id desc fetch first ? rows only");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs, readAll)).list();
	}

	private static void where(StringBuilder sql, List<Object> params, Scope scope, Long assigneeId, String channel) {
		switch (scope) {
			case Scope.Team t -> {
				sql.append(" and c.team_id = ?");
				params.add(t.teamId());
			}
			case Scope.NoTeam n -> sql.append(" and c.team_id is null");
			case Scope.Ids ids -> {
				sql.append(" and c.id in (").append(String.join(", ", java.util.Collections.nCopies(ids.ids().size(), "?")))
					.append(')');
				params.addAll(ids.ids().stream().sorted().toList());
			}
			case Scope.AllTeams a -> {
			}
			case Scope.AssignedTo a -> {
			}
		}
		if (assigneeId != null) {
			sql.append(" and coalesce(c.case_assignee_id, c.assignee_id) = ?");
			params.add(assigneeId);
		}
		if (channel != null) {
			sql.append(" and c.channel = ?");
			params.add(channel);
		}
	}

	/** The agent's pinned chats in the agent's order. */
	public List<ChatRow> pinned(long agentId, long readAll) {
		return jdbc.sql(SELECT + """
				join conversation_marks mk on mk.agent_id = ? and mk.conversation_id = c.id
				where mk.pin_position is not null order by mk.pin_position""")
			.param(agentId)
			.query((rs, n) -> row(rs, readAll))
			.list();
	}

	/** Every raised alarm, the latest first. */
	public List<ChatRow> alarms(long agentId, long readAll) {
		return jdbc.sql(SELECT + """
				left join conversation_marks mk on mk.agent_id = ? and mk.conversation_id = c.id
				where c.alarm_at is not null order by c.alarm_at desc, c.id desc""")
			.param(agentId)
			.query((rs, n) -> row(rs, readAll))
			.list();
	}

	public Optional<ChatRow> row(long agentId, long readAll, long conversationId) {
		return jdbc.sql(SELECT + """
				left join conversation_marks mk on mk.agent_id = ? and mk.conversation_id = c.id
				where c.id = ?""")
			.params(agentId, conversationId)
			.query((rs, n) -> row(rs, readAll))
			.optional();
	}

	/** Up to which message the agent has read everything ("mark all as read"); 0 when never. */
	public long readAll(long agentId) {
		return jdbc.sql("select read_all_message_id from conversation_readers where agent_id = ?")
			.param(agentId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	public void markAllRead(long agentId) {
		jdbc.sql("insert into conversation_readers (agent_id, read_all_message_id) values (?, 0) on conflict do nothing")
			.param(agentId)
			.update();
		jdbc.sql("""
				update conversation_readers set read_all_message_id = (select coalesce(max(id), 0) from messages)
				where agent_id = ?""")
			.param(agentId)
			.update();
	}

	private void ensureMarks(long agentId, long conversationId) {
		jdbc.sql("insert into conversation_marks (agent_id, conversation_id) values (?, ?) on conflict do nothing")
			.params(agentId, conversationId)
			.update();
	}

	/** Marks the conversation read up to its latest message (never back). */
	public void markRead(long agentId, long conversationId) {
		ensureMarks(agentId, conversationId);
		jdbc.sql("""
				update conversation_marks set read_message_id = (
				  select max(m.id) from messages m where m.conversation_id = ?)
				where agent_id = ? and conversation_id = ?
				  and (read_message_id is null or read_message_id < (select max(m.id) from messages m where m.conversation_id = ?))""")
			.params(conversationId, agentId, conversationId, conversationId)
			.update();
	}

	public int pinCount(long agentId) {
		return jdbc.sql("select count(*) from conversation_marks where agent_id = ? and pin_position is not null")
			.param(agentId)
			.query(Integer.class)
			.single();
	}

	/** Pins the chat last in the agent's pinned order; a pinned chat keeps its place. */
	public void pin(long agentId, long conversationId) {
		ensureMarks(agentId, conversationId);
		jdbc.sql("""
				update conversation_marks set pin_position = (
				  select coalesce(max(p.pin_position), 0) + 1 from conversation_marks p where p.agent_id = ?)
				where agent_id = ? and conversation_id = ? and pin_position is null""")
			.params(agentId, agentId, conversationId)
			.update();
	}

	public void unpin(long agentId, long conversationId) {
		jdbc.sql("update conversation_marks set pin_position = null where agent_id = ? and conversation_id = ?")
			.params(agentId, conversationId)
			.update();
	}

	public void star(long agentId, long conversationId, boolean starred) {
		ensureMarks(agentId, conversationId);
		jdbc.sql("update conversation_marks set starred = ? where agent_id = ? and conversation_id = ?")
			.params(starred, agentId, conversationId)
			.update();
	}

	/** Raises the alarm unless it is up already; true when this call raised it. */
	public boolean raiseAlarm(long conversationId, long agentId, Instant at) {
		return jdbc.sql("update conversations set alarm_at = ?, alarm_by = ? where id = ? and alarm_at is null")
			.params(SqlTime.param(at), agentId, conversationId)
			.update() == 1;
	}

	/** Clears the alarm if it is up; true when this call cleared it. */
	public boolean clearAlarm(long conversationId) {
		return jdbc.sql("update conversations set alarm_at = null, alarm_by = null where id = ? and alarm_at is not null")
			.param(conversationId)
			.update() == 1;
	}

	private static ChatRow row(ResultSet rs, long readAll) throws SQLException {
		String last = rs.getString("last_message");
		Long lastInbound = rs.getObject("last_inbound_id", Long.class);
		Long read = rs.getObject("read_message_id", Long.class);
		boolean unread = lastInbound != null && lastInbound > readAll && (read == null || lastInbound > read);
		return new ChatRow(rs.getLong("id"), rs.getString("channel"), rs.getString("title"),
				rs.getObject("organisation_id", Long.class), rs.getString("organisation_name"),
				rs.getString("contact_name"), last == null ? null : last.substring(1),
				last != null && last.startsWith("O"), SqlTime.get(rs, "list_at"), SqlTime.get(rs, "last_message_at"),
				SqlTime.get(rs, "waiting_since"), rs.getObject("team_id", Long.class),
				rs.getObject("open_case_id", Long.class), rs.getObject("assignee_id", Long.class),
				rs.getBoolean("listed"), SqlTime.get(rs, "alarm_at"), rs.getObject("alarm_by", Long.class),
				rs.getObject("pin_position", Integer.class), rs.getBoolean("starred"), unread);
	}
}
