package org.ombud.sla.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ombud.cases.Priority;
import org.ombud.shared.ShortLivedCache;
import org.ombud.shared.SqlTime;
import org.ombud.sla.SlaPolicy;
import org.ombud.sla.SlaPolicyDraft;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SLA policies in SQL, read in their matching order and kept a few seconds (every new clock reads them). */
@Repository
public class PolicyStore {

	private static final String COLUMNS = """
			id, name, position, is_default, channel, category_id, priority, organisation_id, business_time, calendar_id,
			first_reply_minutes, first_reply_warn_minutes, acknowledgement, triage_minutes, triage_warn_minutes,
			investigation_minutes, investigation_warn_minutes, result_minutes, result_warn_minutes, notify_lead,
			raise_priority""";

	private final JdbcClient jdbc;

	private final ShortLivedCache<List<SlaPolicy>> all = new ShortLivedCache<>(Duration.ofSeconds(5));

	PolicyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every policy, default last. */
	public List<SlaPolicy> all() {
		return all.get(() -> jdbc.sql("select " + COLUMNS + " from sla_policies order by is_default, position, id")
			.query(PolicyStore::row)
			.list());
	}

	public Optional<SlaPolicy> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from sla_policies where id = ?").param(id).query(PolicyStore::row).optional();
	}

	public long insert(SlaPolicyDraft d, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into sla_policies (" + COLUMNS.replace("id, name", "name").replace("is_default, ", "")
				+ ", created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(params(d, at, at))
			.update(keys, "id");
		all.invalidate();
		return keys.getKey().longValue();
	}

	public void update(long id, SlaPolicyDraft d, Instant at) {
		List<Object> params = params(d, at);
		params.add(id);
		jdbc.sql("""
				update sla_policies set name = ?, position = ?, channel = ?, category_id = ?, priority = ?,
				  organisation_id = ?, business_time = ?, calendar_id = ?, first_reply_minutes = ?,
				  first_reply_warn_minutes = ?, acknowledgement = ?, triage_minutes = ?, triage_warn_minutes = ?,
				  investigation_minutes = ?, investigation_warn_minutes = ?, result_minutes = ?, result_warn_minutes = ?,
				  notify_lead = ?, raise_priority = ?, updated_at = ?
				where id = ?""")
			.params(params)
			.update();
		all.invalidate();
	}

	public void delete(long id) {
		jdbc.sql("delete from sla_policies where id = ? and is_default = false").param(id).update();
		all.invalidate();
	}

	public boolean inUse(long id) {
		return jdbc.sql("select count(*) from sla_clocks where policy_id = ?").param(id).query(Long.class).single() > 0;
	}

	private static List<Object> params(SlaPolicyDraft d, Instant... times) {
		List<Object> params = new java.util.ArrayList<>(java.util.Arrays.asList(d.name(), d.position(), d.channel(),
				d.categoryId(), d.priority() == null ? null : d.priority().name(), d.organisationId(), d.businessTime(),
				d.calendarId(), d.firstReplyMinutes(), d.firstReplyWarnMinutes(), d.acknowledgement(),
				d.triageMinutes(), d.triageWarnMinutes(), d.investigationMinutes(), d.investigationWarnMinutes(),
				d.resultMinutes(), d.resultWarnMinutes(), d.notifyLead(), d.raisePriority()));
		for (Instant t : times) {
			params.add(SqlTime.param(t));
		}
		return params;
	}

	private static SlaPolicy row(ResultSet rs, int n) throws SQLException {
		String priority = rs.getString("priority");
		return new SlaPolicy(rs.getLong("id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("is_default"),
				rs.getString("channel"), rs.getObject("category_id", Long.class),
				priority == null ? null : Priority.valueOf(priority), rs.getObject("organisation_id", Long.class),
				rs.getBoolean("business_time"), rs.getObject("calendar_id", Long.class),
				target(rs, "first_reply_minutes", "first_reply_warn_minutes"), rs.getBoolean("acknowledgement"),
				target(rs, "triage_minutes", "triage_warn_minutes"),
				target(rs, "investigation_minutes", "investigation_warn_minutes"),
				target(rs, "result_minutes", "result_warn_minutes"), rs.getBoolean("notify_lead"),
				rs.getBoolean("raise_priority"));
	}

	private static SlaPolicy.Target target(ResultSet rs, String minutes, String warnMinutes) throws SQLException {
		Integer m = rs.getObject(minutes, Integer.class);
		Integer w = rs.getObject(warnMinutes, Integer.class);
		return m == null ? null : new SlaPolicy.Target(Duration.ofMinutes(m), w == null ? null : Duration.ofMinutes(w));
	}
}
