package org.ombud.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ombud.cases.Retention;
import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of retention: which cases are due, legal holds, and blanking a case's personal data. */
@Repository
public class RetentionStore {

	/** Timeline kinds whose values are facts (a status, a team, a stage) rather than what someone wrote. */
	private static final String FACT_KINDS = "'OPENED', 'STATUS', 'CATEGORY', 'TEAM', 'ASSIGNEE', 'PRIORITY', "
			+ "'SLA_BREACH', 'RATED', 'ALARM_RAISED', 'ALARM_CLEARED'";

	private final JdbcClient jdbc;

	RetentionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Closed (or resolved) before {@code cutoff}, not held, not erased yet: the oldest first. */
	public List<Long> due(Instant cutoff, int limit) {
		return jdbc.sql("""
				select id from cases
				where erased_at is null and legal_hold = false and status in ('RESOLVED', 'CLOSED')
				  and coalesce(closed_at, resolved_at) < ?
				order by id fetch first ? rows only""")
			.params(SqlTime.param(cutoff), limit)
			.query(Long.class)
			.list();
	}

	public long countDue(Instant cutoff) {
		return jdbc.sql("""
				select count(*) from cases
				where erased_at is null and legal_hold = false and status in ('RESOLVED', 'CLOSED')
				  and coalesce(closed_at, resolved_at) < ?""")
			.param(SqlTime.param(cutoff))
			.query(Long.class)
			.single();
	}

	public long countHeld() {
		return jdbc.sql("select count(*) from cases where legal_hold = true").query(Long.class).single();
	}

	/** The case's hold, if it has one: reason, who, when. */
	public Optional<Retention.Hold> hold(long caseId) {
		return jdbc.sql("select legal_hold_reason, legal_hold_by, legal_hold_at from cases where id = ? and legal_hold = true")
			.param(caseId)
			.query((rs, n) -> new Retention.Hold(rs.getString(1), rs.getObject(2, Long.class),
					SqlTime.get(rs, "legal_hold_at")))
			.optional();
	}

	public Optional<Instant> erasedAt(long caseId) {
		return jdbc.sql("select erased_at from cases where id = ?")
			.param(caseId)
			.query((rs, n) -> SqlTime.get(rs, "erased_at"))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	public boolean setHold(long caseId, String reason, long agentId, Instant at) {
		return jdbc.sql("""
				update cases set legal_hold = true, legal_hold_reason = ?, legal_hold_by = ?, legal_hold_at = ?
				where id = ? and erased_at is null""")
			.params(reason, agentId, SqlTime.param(at), caseId)
			.update() == 1;
	}

	public void liftHold(long caseId) {
		jdbc.sql("""
				update cases set legal_hold = false, legal_hold_reason = null, legal_hold_by = null, legal_hold_at = null
				where id = ?""")
			.param(caseId)
			.update();
	}

	/** Takes the case for erasure: true for the one caller that found it held by nobody and not erased yet. */
	public boolean markErased(long caseId, Instant at) {
		// the status link keeps working (its hash is no one's data): it says the data was erased
		return jdbc.sql("""
				update cases set erased_at = ?, subject = '', reported_object = null
				where id = ? and erased_at is null and legal_hold = false""")
			.params(SqlTime.param(at), caseId)
			.update() == 1;
	}

	public void eraseTimelineTexts(long caseId) {
		jdbc.sql("update case_events set old_value = null, new_value = null where case_id = ? and event_kind not in ("
				+ FACT_KINDS + ")")
			.param(caseId)
			.update();
	}

	/** The storage keys of the case's evidence, whose rows are then left nameless and keyless. */
	public List<String> eraseEvidence(long caseId) {
		List<String> keys = jdbc.sql("select storage_key from evidence where case_id = ? and file_name <> ''")
			.param(caseId)
			.query(String.class)
			.list();
		jdbc.sql("update evidence set file_name = '', sha256 = '', storage_key = 'erased-' || cast(id as varchar(20)) "
				+ "where case_id = ?")
			.param(caseId)
			.update();
		return keys;
	}

	/** Whether every case of the conversation has been erased. */
	public boolean conversationFullyErased(long conversationId) {
		return jdbc.sql("select count(*) from cases where conversation_id = ? and erased_at is null")
			.param(conversationId)
			.query(Long.class)
			.single() == 0;
	}

	public boolean contactFullyErased(long contactId) {
		return jdbc.sql("select count(*) from cases where contact_id = ? and erased_at is null")
			.param(contactId)
			.query(Long.class)
			.single() == 0;
	}

	public List<Long> casesOfContact(long contactId) {
		return jdbc.sql("select id from cases where contact_id = ? order by id").param(contactId).query(Long.class).list();
	}

	/** Claims today's sweep across nodes: true for the node that moved the next run on. */
	public boolean claimRun(Instant now, Instant next) {
		return jdbc.sql("update retention_runs set next_run_at = ?, last_run_at = ? where id = 1 and next_run_at <= ?")
			.params(SqlTime.param(next), SqlTime.param(now), SqlTime.param(now))
			.update() == 1;
	}

	public void recordRun(int erased) {
		jdbc.sql("update retention_runs set last_erased = ? where id = 1").param(erased).update();
	}

	public record Run(Instant lastRunAt, int lastErased, Instant nextRunAt) {
	}

	public Run run() {
		return jdbc.sql("select last_run_at, last_erased, next_run_at from retention_runs where id = 1")
			.query((rs, n) -> new Run(SqlTime.get(rs, "last_run_at"), rs.getInt("last_erased"),
					SqlTime.get(rs, "next_run_at")))
			.single();
	}
}
