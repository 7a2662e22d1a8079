package org.ombud.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.ombud.shared.SqlTime;
import org.ombud.sla.BreachView;
import org.ombud.sla.ClockView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Breaches in SQL; one per clock, by the unique clock id. */
@Repository
public class BreachStore {

	private static final String COLUMNS = "id, clock_id, stage, subject_id, due_at, detected_at";

	private final JdbcClient jdbc;

	BreachStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(ClockRow clock, Instant detectedAt, String detectedBy) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into sla_breaches (clock_id, stage, subject_kind, subject_id, team_id, due_at, detected_at, detected_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(clock.id(), clock.stage().name(), clock.subjectKind().name(), clock.subjectId(), clock.teamId(),
					SqlTime.param(clock.dueAt()), SqlTime.param(detectedAt), detectedBy)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public List<BreachView> ofCase(long caseId, long conversationId, Instant since) {
		return jdbc.sql("select " + COLUMNS + """
				 from sla_breaches
				where (subject_kind = 'CASE' and subject_id = ?)
				   or (subject_kind = 'CONVERSATION' and subject_id = ? and detected_at >= ?)
				order by detected_at, id""")
			.params(caseId, conversationId, SqlTime.param(since))
			.query(BreachStore::row)
			.list();
	}

	private static BreachView row(ResultSet rs, int n) throws SQLException {
		return new BreachView(rs.getLong("id"), rs.getLong("clock_id"), ClockView.Stage.valueOf(rs.getString("stage")),
				rs.getLong("subject_id"), SqlTime.get(rs, "due_at"), SqlTime.get(rs, "detected_at"));
	}
}
