package org.ombud.sla.internal;

import java.time.Instant;
import java.util.List;

import org.ombud.shared.SqlTime;
import org.ombud.sla.ClockView;
import org.ombud.sla.Notification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications per agent in SQL. */
@Repository
public class NotificationStore {

	private final JdbcClient jdbc;

	NotificationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(long agentId, String kind, ClockView.Stage stage, Long caseId, Long conversationId,
			Long breachId, Instant at) {
		jdbc.sql("""
				insert into notifications (agent_id, kind, stage, case_id, conversation_id, breach_id, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(agentId, kind, stage == null ? null : stage.name(), caseId, conversationId, breachId,
					SqlTime.param(at))
			.update();
	}

	public long unread(long agentId) {
		return jdbc.sql("select count(*) from notifications where agent_id = ? and read_at is null")
			.param(agentId)
			.query(Long.class)
			.single();
	}

	public List<Notification> latest(long agentId, int limit) {
		return jdbc.sql("""
				select id, kind, stage, case_id, conversation_id, created_at, read_at from notifications
				where agent_id = ? order by id desc limit ?""")
			.params(agentId, limit)
			.query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("kind"),
					rs.getString("stage") == null ? null : ClockView.Stage.valueOf(rs.getString("stage")),
					rs.getObject("case_id", Long.class), rs.getObject("conversation_id", Long.class),
					SqlTime.get(rs, "created_at"), SqlTime.get(rs, "read_at")))
			.list();
	}

	public int markRead(long agentId, Instant at) {
		return jdbc.sql("update notifications set read_at = ? where agent_id = ? and read_at is null")
			.params(SqlTime.param(at), agentId)
			.update();
	}
}
