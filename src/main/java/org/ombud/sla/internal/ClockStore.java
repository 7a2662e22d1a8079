package org.ombud.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.ombud.shared.SqlTime;
import org.ombud.sla.ClockView;
import org.ombud.sla.internal.ClockRow.SubjectKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SLA clocks in SQL: started, paused, resumed and stopped by the keeper; claimed and fired by the detector. */
@Repository
public class ClockStore {

	static final String COLUMNS = """
			id, stage, subject_kind, subject_id, team_id, policy_id, calendar_id, target_seconds, warn_after_seconds,
			started_at, warn_at, due_at, state, running, warned, remaining_seconds, breached_at, stopped_at,
			next_fire_at, claimed_by""";

	/** A clock not yet stopped: running, paused, or breached and still counting. */
	static final String ACTIVE = "stopped_at is null and state in ('RUNNING', 'PAUSED', 'BREACHED')";

	private final JdbcClient jdbc;

	ClockStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record NewClock(ClockView.Stage stage, SubjectKind kind, long subjectId, Long teamId, Long policyId,
			Long calendarId, Duration target, Duration warnAfter, Instant startedAt, Instant warnAt, Instant dueAt,
			ClockView.State state, Instant stoppedAt) {
	}

	public long insert(NewClock c) {
		boolean running = c.state() == ClockView.State.RUNNING;
		Instant nextFire = running ? (c.warnAt() != null ? c.warnAt() : c.dueAt()) : null;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into sla_clocks (stage, subject_kind, subject_id, team_id, policy_id, calendar_id, target_seconds,
				  warn_after_seconds, started_at, warn_at, due_at, state, running, warned, stopped_at, next_fire_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?)""")
			.params(c.stage().name(), c.kind().name(), c.subjectId(), c.teamId(), c.policyId(), c.calendarId(),
					c.target().toSeconds(), c.warnAfter() == null ? null : c.warnAfter().toSeconds(),
					SqlTime.param(c.startedAt()), SqlTime.param(c.warnAt()), SqlTime.param(c.dueAt()), c.state().name(),
					running, SqlTime.param(c.stoppedAt()), SqlTime.param(nextFire))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The subject's clocks that are not stopped, of the given stages (all stages when none are given). */
	public List<ClockRow> active(SubjectKind kind, long subjectId, ClockView.Stage... stages) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS
				+ " from sla_clocks where subject_kind = ? and subject_id = ? and " + ACTIVE);
		List<Object> params = new ArrayList<>(List.of(kind.name(), subjectId));
		if (stages.length > 0) {
			sql.append(" and stage in (").append(String.join(", ", Collections.nCopies(stages.length, "?"))).append(")");
			for (ClockView.Stage s : stages) {
				params.add(s.name());
			}
		}
		return jdbc.sql(sql + " order by id for update").params(params).query(ClockStore::row).list();
	}

	public Optional<ClockRow> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from sla_clocks where id = ?").param(id).query(ClockStore::row).optional();
	}

	public List<ClockRow> bySubjects(SubjectKind kind, Collection<Long> subjectIds) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from sla_clocks where subject_kind = ? and subject_id in ("
				+ placeholders(subjectIds.size()) + ") order by id")
			.params(concat(kind.name(), subjectIds))
			.query(ClockStore::row)
			.list();
	}

	/** The newest first-reply clock of each conversation: the running one if any, as only one runs at a time. */
	public List<ClockRow> latestFirstReply(Collection<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return List.of();
		}
		String in = placeholders(conversationIds.size());
		List<Object> params = new ArrayList<>(conversationIds);
		params.addAll(conversationIds);
		return jdbc.sql("select " + COLUMNS + " from sla_clocks where subject_kind = 'CONVERSATION' and subject_id in ("
				+ in + ") and id in (select max(id) from sla_clocks where subject_kind = 'CONVERSATION'"
				+ " and stage = 'FIRST_REPLY' and subject_id in (" + in + ") group by subject_id)")
			.params(params)
			.query(ClockStore::row)
			.list();
	}

	public List<Long> caseIdsByDue(Long teamId, int limit) {
		// the soonest clock of each case comes first in due order; later clocks of the same case are dropped
		String sql = "select subject_id from sla_clocks where running = true and subject_kind = 'CASE'"
				+ (teamId == null ? "" : " and team_id = ?") + " order by due_at limit ?";
		List<Object> params = new ArrayList<>();
		if (teamId != null) {
			params.add(teamId);
		}
		params.add(limit * 3);
		List<Long> ids = jdbc.sql(sql).params(params).query(Long.class).list();
		return ids.stream().distinct().limit(limit).toList();
	}

	public void pause(long id, Duration remaining, boolean keepFiring) {
		jdbc.sql("""
				update sla_clocks set state = 'PAUSED', running = false, remaining_seconds = ?, warn_at = null,
				  next_fire_at = case when ? then next_fire_at else null end
				where id = ?""")
			.params(remaining.toSeconds(), keepFiring, id)
			.update();
	}

	public void resume(long id, ClockView.State state, Instant warnAt, Instant dueAt, Instant nextFireAt) {
		jdbc.sql("""
				update sla_clocks set state = ?, running = true, remaining_seconds = null, warn_at = ?, due_at = ?,
				  next_fire_at = ?
				where id = ?""")
			.params(state.name(), SqlTime.param(warnAt), SqlTime.param(dueAt), SqlTime.param(nextFireAt), id)
			.update();
	}

	/**
	 * Stops a clock: MET, or BREACHED if it was. A clock stopped after its due time but before the detector saw it
	 * keeps its due time as the next fire, so the detector still records the breach.
	 */
	public void stop(long id, Instant at, boolean lateUnseen) {
		jdbc.sql("""
				update sla_clocks set state = case when breached_at is not null or ? then 'BREACHED' else 'MET' end,
				  running = false, stopped_at = ?, remaining_seconds = null,
				  next_fire_at = case when ? then due_at else null end
				where id = ?""")
			.params(lateUnseen, SqlTime.param(at), lateUnseen, id)
			.update();
	}

	public void moveTeam(SubjectKind kind, long subjectId, long teamId) {
		jdbc.sql("update sla_clocks set team_id = ? where subject_kind = ? and subject_id = ? and " + ACTIVE)
			.params(teamId, kind.name(), subjectId)
			.update();
	}

	// --- the detector

	/** Clocks whose next fire has come and that no node holds: the due index in time order. */
	public List<Long> fireable(Instant now, int limit) {
		var at = SqlTime.param(now);
		return jdbc.sql("""
				select id from sla_clocks where next_fire_at <= ? and (claim_until is null or claim_until < ?)
				order by next_fire_at limit ?""")
			.params(at, at, limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Takes a lease on those of the given clocks that are still fireable and unclaimed; the conditions are repeated
	 * here, so of two nodes racing for one row only the first gets it (the second re-reads the row after the first
	 * commits and no longer matches). Returns the clocks this claim holds.
	 */
	public List<ClockRow> claim(List<Long> ids, String claimant, Instant now, Instant until) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var at = SqlTime.param(now);
		List<Object> params = new ArrayList<>(List.of(claimant, SqlTime.param(until)));
		params.addAll(ids);
		params.add(at);
		params.add(at);
		int claimed = jdbc.sql("update sla_clocks set claimed_by = ?, claim_until = ? where id in ("
				+ placeholders(ids.size()) + ") and next_fire_at <= ? and (claim_until is null or claim_until < ?)")
			.params(params)
			.update();
		if (claimed == 0) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from sla_clocks where id in (" + placeholders(ids.size())
				+ ") and claimed_by = ?")
			.params(concatTail(ids, claimant))
			.query(ClockStore::row)
			.list();
	}

	/** Marks a claimed clock breached; false when it changed since the claim (stopped in time, paused, re-claimed). */
	public boolean markBreached(long id, String claimant, Instant now) {
		var at = SqlTime.param(now);
		return jdbc.sql("""
				update sla_clocks set breached_at = ?,
				  state = case when state in ('RUNNING', 'MET') then 'BREACHED' else state end,
				  next_fire_at = null, claimed_by = null, claim_until = null
				where id = ? and claimed_by = ? and breached_at is null and due_at <= ? and next_fire_at <= ?""")
			.params(at, id, claimant, at, at)
			.update() == 1;
	}

	/** Marks a claimed clock warned and points it at its due time. */
	public boolean markWarned(long id, String claimant, Instant now) {
		var at = SqlTime.param(now);
		return jdbc.sql("""
				update sla_clocks set warned = true, next_fire_at = due_at, claimed_by = null, claim_until = null
				where id = ? and claimed_by = ? and running = true and warned = false and warn_at <= ?
				  and next_fire_at <= ?""")
			.params(id, claimant, at, at)
			.update() == 1;
	}

	/** Gives a claimed clock back untouched (nothing to do after all). */
	public void release(long id, String claimant) {
		jdbc.sql("update sla_clocks set claimed_by = null, claim_until = null where id = ? and claimed_by = ?")
			.params(id, claimant)
			.update();
	}

	static String placeholders(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

	private static List<Object> concat(Object first, Collection<?> rest) {
		List<Object> params = new ArrayList<>();
		params.add(first);
		params.addAll(rest);
		return params;
	}

	private static List<Object> concatTail(Collection<?> first, Object last) {
		List<Object> params = new ArrayList<>(first);
		params.add(last);
		return params;
	}

	static ClockRow row(ResultSet rs, int n) throws SQLException {
		Long warnAfter = rs.getObject("warn_after_seconds", Long.class);
		Long remaining = rs.getObject("remaining_seconds", Long.class);
		return new ClockRow(rs.getLong("id"), ClockView.Stage.valueOf(rs.getString("stage")),
				SubjectKind.valueOf(rs.getString("subject_kind")), rs.getLong("subject_id"),
				rs.getObject("team_id", Long.class), rs.getObject("policy_id", Long.class),
				rs.getObject("calendar_id", Long.class), Duration.ofSeconds(rs.getLong("target_seconds")),
				warnAfter == null ? null : Duration.ofSeconds(warnAfter), SqlTime.get(rs, "started_at"),
				SqlTime.get(rs, "warn_at"), SqlTime.get(rs, "due_at"), ClockView.State.valueOf(rs.getString("state")),
				rs.getBoolean("running"), rs.getBoolean("warned"),
				remaining == null ? null : Duration.ofSeconds(remaining), SqlTime.get(rs, "breached_at"),
				SqlTime.get(rs, "stopped_at"), SqlTime.get(rs, "next_fire_at"), rs.getString("claimed_by"));
	}
}
