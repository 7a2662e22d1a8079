package org.ombud.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Evidence;
import org.ombud.cases.Priority;
import org.ombud.cases.QueueFilter;
import org.ombud.identity.Visibility;
import org.ombud.cases.TimelineEntry;
import org.ombud.shared.Actor;
import org.ombud.shared.Page;
import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Cases, their timeline and their evidence rows in SQL. */
@Repository
public class CaseStore {

	private static final String COLUMNS = """
			id, case_number, status, priority, channel, category_id, subcategory_id, team_id, assignee_id, subject,
			reported_object, locale, contact_id, conversation_id, created_at, updated_at, resolved_at, closed_at""";

	private static final String EVIDENCE_COLUMNS = "id, case_id, message_id, file_name, content_type, size_bytes, sha256, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	CaseStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record NewCaseRow(int year, long conversationId, long contactId, String channel, long categoryId,
			Long subcategoryId, Priority priority, long teamId, String subject, String reportedObject, String locale,
			String statusTokenHash) {
	}

	public record Inserted(long id, String number) {
	}

	/**
	 * Inserts a case numbered from the case sequence (unique across nodes and transactions, gaps allowed) in the
	 * same statement: {@code C-<year>-<at least six digits>}.
	 */
	public Inserted insert(NewCaseRow c, Instant at) {
		var now = SqlTime.param(at);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into cases (case_number, conversation_id, contact_id, channel, category_id, subcategory_id,
				  priority, status, team_id, subject, reported_object, locale, status_token_hash, created_at, updated_at)
				select 'C-' || ? || '-' || case when length(n) < 6 then lpad(n, 6, '0') else n end,
				  ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, ?, ?
				from (select cast(nextval('case_number_seq') as varchar) as n) seq""")
			.params(String.valueOf(c.year()), c.conversationId(), c.contactId(), c.channel(), c.categoryId(), c.subcategoryId(),
					c.priority().name(), c.teamId(), c.subject(), c.reportedObject(), c.locale(), c.statusTokenHash(),
					now, now)
			.update(keys, "id", "case_number");
		var row = keys.getKeys();
		return new Inserted(((Number) row.get("id")).longValue(), (String) row.get("case_number"));
	}

	public Optional<CaseView> byId(long id) {
		return one("id = ?", id);
	}

	/** Reads the case and holds its row until the transaction ends, so two changes never interleave. */
	public Optional<CaseView> lock(long id) {
		return jdbc.sql("select " + COLUMNS + " from cases where id = ? for update").param(id).query(CaseStore::view).optional();
	}

	public Optional<CaseView> byNumber(String number) {
		return one("case_number = ?", number);
	}

	public Optional<CaseView> byStatusTokenHash(String hash) {
		return one("status_token_hash = ?", hash);
	}

	/** The conversation's cases, newest first. */
	public List<CaseView> byConversation(long conversationId) {
		return jdbc.sql("select " + COLUMNS + " from cases where conversation_id = ? order by id desc")
			.param(conversationId)
			.query(CaseStore::view)
			.list();
	}

	/** The conversation's open cases, newest first. */
	public List<CaseView> openByConversation(long conversationId) {
		return jdbc.sql("select " + COLUMNS
				+ " from cases where conversation_id = ? and status not in ('RESOLVED', 'CLOSED') order by id desc")
			.param(conversationId)
			.query(CaseStore::view)
			.list();
	}

	private Optional<CaseView> one(String where, Object param) {
		return jdbc.sql("select " + COLUMNS + " from cases where " + where).param(param).query(CaseStore::view).optional();
	}

	public Page<CaseView> queue(QueueFilter filter, Page.Request request) {
		Where where = where(filter);
		long total = jdbc.sql("select count(*) from cases" + where.sql()).params(where.params()).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(where.params());
		pageParams.add(request.size());
		pageParams.add(request.offset());
		List<CaseView> items = jdbc.sql("select " + COLUMNS + " from cases" + where.sql() + " order by id desc limit ? offset ?")
			.params(pageParams)
			.query(CaseStore::view)
			.list();
		return new Page<>(items, request.page(), request.size(), total);
	}

	private static final int CHUNK = 500;

	/**
	 * The queue with the matching cases of {@code leading} first, in that order, then the other matching cases
	 * newest first. The leading ids are checked against the filter a chunk at a time, only as far as the page needs.
	 */
	public Page<CaseView> queue(QueueFilter filter, Page.Request request, List<Long> leading) {
		Where where = where(filter);
		long total = jdbc.sql("select count(*) from cases" + where.sql()).params(where.params()).query(Long.class).single();
		long wanted = request.offset() + request.size();
		List<Long> matched = new ArrayList<>();
		int checked = 0;
		while (checked < leading.size() && matched.size() < wanted) {
			List<Long> chunk = leading.subList(checked, Math.min(leading.size(), checked + CHUNK));
			List<Object> params = new ArrayList<>(where.params());
			params.addAll(chunk);
			java.util.Set<Long> hits = new java.util.HashSet<>(jdbc.sql("select id from cases" + where.sql() + " and id in ("
					+ String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
				.params(params)
				.query(Long.class)
				.list());
			chunk.stream().filter(hits::contains).forEach(matched::add);
			checked += chunk.size();
		}
		List<CaseView> items = new ArrayList<>();
		if (matched.size() > request.offset()) {
			List<Long> ids = matched.subList((int) request.offset(), (int) Math.min(matched.size(), wanted));
			java.util.Map<Long, CaseView> byId = new java.util.HashMap<>();
			jdbc.sql("select " + COLUMNS + " from cases where id in ("
					+ String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")
				.params(new ArrayList<Object>(ids))
				.query(CaseStore::view)
				.list()
				.forEach(c -> byId.put(c.id(), c));
			ids.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(items::add);
		}
		if (items.size() < request.size() && checked >= leading.size()) {
			// past the leading cases: the rest, newest first, skipping what came before
			long restOffset = Math.max(0, request.offset() - matched.size());
			StringBuilder sql = new StringBuilder("select " + COLUMNS + " from cases" + where.sql());
			List<Object> params = new ArrayList<>(where.params());
			if (!leading.isEmpty()) {
				sql.append(" and id not in (").append(String.join(", ", java.util.Collections.nCopies(leading.size(), "?"))).append(")");
				params.addAll(leading);
			}
			sql.append(" order by id desc limit ? offset ?");
			params.add(request.size() - items.size());
			params.add(restOffset);
			items.addAll(jdbc.sql(sql.toString()).params(params).query(CaseStore::view).list());
		}
		return new Page<>(items, request.page(), request.size(), total);
	}

	/** A statement and its parameters. */
	public record Query(String sql, List<Object> params) {
	}

	/**
	 * The queue's statement: the page when {@code request} is given, else the count. One team's open cases,
	 * newest first, read the partial index {@code cases_open_queue} in order: no sort.
	 */
	public static Query queueQuery(QueueFilter filter, Page.Request request) {
		Where where = where(filter);
		List<Object> params = new ArrayList<>(where.params());
		if (request == null) {
			return new Query("select count(*) from cases" + where.sql(), params);
		}
		params.add(request.size());
		params.add(request.offset());
		return new Query("select " + COLUMNS + " from cases" + where.sql() + " order by id desc limit ? offset ?", params);
	}

	private record Where(String sql, List<Object> params) {
	}

	public void openedByToken(long caseId, long tokenId) {
		jdbc.sql("update cases set opened_by_token_id = ? where id = ?").params(tokenId, caseId).update();
	}

	public Optional<Long> openingToken(long caseId) {
		return jdbc.sql("select opened_by_token_id from cases where id = ?").param(caseId)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	/** Only the cases the agent sees: assigned to them, in their teams, or in a conversation they see. */
	private static void visible(Visibility who, StringBuilder where, List<Object> params) {
		if (who == null || who.everything()) {
			return;
		}
		if (!who.works()) {
			where.append(" and 1 = 0");
			return;
		}
		where.append(" and (assignee_id = ?");
		params.add(who.agentId());
		if (!who.teamIds().isEmpty()) {
			where.append(" or team_id in (").append(marks(who.teamIds().size())).append(')');
			params.addAll(who.teamIds().stream().sorted().toList());
		}
		if (!who.conversationIds().isEmpty()) {
			where.append(" or conversation_id in (").append(marks(who.conversationIds().size())).append(')');
			params.addAll(who.conversationIds().stream().sorted().toList());
		}
		where.append(')');
	}

	private static String marks(int n) {
		return String.join(", ", java.util.Collections.nCopies(n, "?"));
	}

	private static Where where(QueueFilter filter) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where 1 = 1");
		if (filter.teamId() != null) {
			where.append(" and team_id = ?");
			params.add(filter.teamId());
		}
		if (filter.status() != null) {
			where.append(" and status = ?");
			params.add(filter.status().name());
		}
		else if (filter.openOnly()) {
			// the same words as the partial index's condition, so the planner knows the index holds every row
			where.append(" and status not in ('RESOLVED', 'CLOSED')");
		}
		if (filter.categoryId() != null) {
			where.append(" and category_id = ?");
			params.add(filter.categoryId());
		}
		if (filter.assigneeId() != null) {
			if (filter.assigneeId() == 0) {
				where.append(" and assignee_id is null");
			}
			else {
				where.append(" and assignee_id = ?");
				params.add(filter.assigneeId());
			}
		}
		visible(filter.visibility(), where, params);
		if (filter.openedByToken() != null) {
			where.append(" and opened_by_token_id = ?");
			params.add(filter.openedByToken());
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			String like = "%" + filter.text().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			where.append(" ").append("""
					and (lower(subject) like ? escape '\\' or lower(case_number) like ? escape '\\'
					 or lower(coalesce(reported_object, '')) like ? escape '\\'
					 or exists (select 1 from messages m where m.conversation_id = cases.conversation_id
					            and m.kind <> 'NOTE' and lower(m.body) like ? escape '\\'))""");
			params.add(like);
			params.add(like);
			params.add(like);
			params.add(like);
		}
		return new Where(where.toString(), params);
	}

	public void updateStatus(long id, CaseStatus status) {
		Instant now = clock.instant();
		jdbc.sql("""
				update cases set status = ?, updated_at = ?,
				  resolved_at = case when ? = 'RESOLVED' then ? when ? in ('RESOLVED', 'CLOSED') then resolved_at else null end,
				  closed_at = case when ? = 'CLOSED' then ? else null end
				where id = ?""")
			.params(status.name(), SqlTime.param(now), status.name(), SqlTime.param(now), status.name(), status.name(),
					SqlTime.param(now), id)
			.update();
	}

	public void updateColumn(long id, String column, Object value) {
		if (!List.of("category_id", "subcategory_id", "team_id", "assignee_id", "priority").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		jdbc.sql("update cases set " + column + " = ?, updated_at = ? where id = ?")
			.params(value, SqlTime.param(clock.instant()), id)
			.update();
	}

	public void touch(long id) {
		jdbc.sql("update cases set updated_at = ? where id = ?").params(SqlTime.param(clock.instant()), id).update();
	}

	public void record(long caseId, Actor actor, TimelineEntry.Kind kind, String oldValue, String newValue,
			Long messageId, Long evidenceId) {
		jdbc.sql("""
				insert into case_events (case_id, occurred_at, actor_kind, actor_agent_id, event_kind, old_value,
				  new_value, message_id, evidence_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, SqlTime.param(clock.instant()), actor.kind().name(), actor.agentId(), kind.name(), oldValue,
					newValue, messageId, evidenceId)
			.update();
	}

	/** The first two lines of a timeline in one statement: opened, and the message that opened it. */
	public void recordOpening(long caseId, Actor actor, String number, long messageId) {
		var now = SqlTime.param(clock.instant());
		jdbc.sql("""
				insert into case_events (case_id, occurred_at, actor_kind, actor_agent_id, event_kind, new_value, message_id)
				values (?, ?, ?, ?, 'OPENED', ?, cast(null as bigint)), (?, ?, ?, ?, 'MESSAGE', cast(null as varchar), ?)""")
			.params(caseId, now, actor.kind().name(), actor.agentId(), number, caseId, now, actor.kind().name(),
					actor.agentId(), messageId)
			.update();
	}

	public record EventRow(long id, Instant occurredAt, Actor actor, TimelineEntry.Kind kind, String oldValue,
			String newValue, Long messageId, Long evidenceId) {
	}

	public List<EventRow> events(long caseId) {
		return jdbc.sql("""
				select id, occurred_at, actor_kind, actor_agent_id, event_kind, old_value, new_value, message_id, evidence_id
				from case_events where case_id = ? order by id""")
			.param(caseId)
			.query((rs, n) -> new EventRow(rs.getLong("id"), SqlTime.get(rs, "occurred_at"),
					new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getObject("actor_agent_id", Long.class)),
					TimelineEntry.Kind.valueOf(rs.getString("event_kind")), rs.getString("old_value"),
					rs.getString("new_value"), rs.getObject("message_id", Long.class),
					rs.getObject("evidence_id", Long.class)))
			.list();
	}

	public long insertEvidence(long caseId, Long messageId, String fileName, String contentType, long size,
			String sha256, String storageKey) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into evidence (case_id, message_id, file_name, content_type, size_bytes, sha256, storage_key, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, messageId, fileName, contentType, size, sha256, storageKey, SqlTime.param(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public List<Evidence> evidence(long caseId) {
		return jdbc.sql("select " + EVIDENCE_COLUMNS + " from evidence where case_id = ? order by id")
			.param(caseId)
			.query(CaseStore::evidence)
			.list();
	}

	public Optional<Evidence> evidence(long caseId, long evidenceId) {
		return jdbc.sql("select " + EVIDENCE_COLUMNS + " from evidence where case_id = ? and id = ?")
			.params(caseId, evidenceId)
			.query(CaseStore::evidence)
			.optional();
	}

	public Optional<String> storageKey(long evidenceId) {
		return jdbc.sql("select storage_key from evidence where id = ?").param(evidenceId).query(String.class).optional();
	}

	/** The conversation's latest case that still takes messages (not closed). */
	public Optional<CaseView> currentOf(long conversationId) {
		return jdbc.sql("select " + COLUMNS + " from cases where conversation_id = ? and status <> 'CLOSED' order by id desc")
			.param(conversationId)
			.query(CaseStore::view)
			.list()
			.stream()
			.findFirst();
	}

	public void updateRating(long id, int rating) {
		jdbc.sql("update cases set rating = ?, updated_at = ? where id = ?")
			.params(rating, SqlTime.param(clock.instant()), id)
			.update();
	}

	public Optional<Integer> rating(long id) {
		return jdbc.sql("select rating from cases where id = ?")
			.param(id)
			.query((rs, n) -> rs.getObject(1, Integer.class))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	private static Evidence evidence(ResultSet rs, int n) throws SQLException {
		return new Evidence(rs.getLong("id"), rs.getLong("case_id"), rs.getObject("message_id", Long.class),
				rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), SqlTime.get(rs, "created_at"));
	}

	private static CaseView view(ResultSet rs, int n) throws SQLException {
		return new CaseView(rs.getLong("id"), rs.getString("case_number"), CaseStatus.valueOf(rs.getString("status")),
				Priority.valueOf(rs.getString("priority")), rs.getString("channel"), rs.getLong("category_id"),
				rs.getObject("subcategory_id", Long.class), rs.getLong("team_id"),
				rs.getObject("assignee_id", Long.class), rs.getString("subject"), rs.getString("reported_object"),
				rs.getString("locale"), rs.getLong("contact_id"), rs.getLong("conversation_id"),
				SqlTime.get(rs, "created_at"), SqlTime.get(rs, "updated_at"), SqlTime.get(rs, "resolved_at"),
				SqlTime.get(rs, "closed_at"));
	}
}
