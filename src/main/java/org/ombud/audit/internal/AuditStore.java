package org.ombud.audit.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.ombud.audit.AuditEntry;
import org.ombud.audit.AuditFilter;
import org.ombud.audit.ChainCheck;
import org.ombud.shared.Page;
import org.ombud.shared.SqlTime;
import org.ombud.shared.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditStore {

	private static final String COLUMNS = """
			id, occurred_at, actor_kind, actor_id, actor_name, action, subject_type, subject_id, detail, address,
			seq, prev_hash, hash""";

	private static final String ZERO = "0".repeat(64);

	private final JdbcClient jdbc;

	AuditStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Appends one entry; it joins the chain when the sealer next runs. */
	public void append(Instant at, String actorKind, Long actorId, String actorName, String action,
			String subjectType, String subjectId, String detail, String address) {
		jdbc.sql("""
				insert into audit_log (occurred_at, actor_kind, actor_id, actor_name, action, subject_type, subject_id,
				                       detail, address)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(SqlTime.param(at), actorKind, actorId, actorName, action, subjectType, subjectId, detail, address)
			.update();
	}

	/**
	 * Chains up to {@code limit} committed, unsealed entries after the chain's end, oldest first, and returns how
	 * many. The head row's lock makes sealers on several nodes take turns; writers never take it.
	 */
	public int seal(int limit) {
		record Head(long lastSeq, String lastHash) {
		}
		Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		List<AuditEntry> pending = jdbc.sql("select " + COLUMNS + " from audit_log where seq is null order by id limit ?")
			.param(limit)
			.query(AuditStore::entry)
			.list();
		long seq = head.lastSeq();
		String prev = head.lastHash();
		for (AuditEntry e : pending) {
			seq++;
			String hash = hash(prev, seq, e);
			jdbc.sql("update audit_log set seq = ?, prev_hash = ?, hash = ? where id = ? and seq is null")
				.params(seq, prev, hash, e.id())
				.update();
			prev = hash;
		}
		if (!pending.isEmpty()) {
			jdbc.sql("update audit_head set last_seq = ?, last_hash = ? where id = 1").params(seq, prev).update();
		}
		return pending.size();
	}

	/** The entry's hash: SHA-256 over its predecessor's hash, its place and every field, each length-prefixed. */
	static String hash(String prevHash, long seq, AuditEntry e) {
		StringBuilder text = new StringBuilder(prevHash);
		for (Object part : new Object[] { seq, e.id(), e.occurredAt().toString(), e.actorKind(), e.actorId(),
				e.actorName(), e.action(), e.subjectType(), e.subjectId(), e.detail(), e.address() }) {
			String value = part == null ? "" : part.toString();
			text.append('|')
				.append(part == null ? -1 : value.getBytes(StandardCharsets.UTF_8).length)
				.append(':')
				.append(value);
		}
		return Tokens.sha256(text.toString());
	}

	public Page<AuditEntry> search(AuditFilter filter, Page.Request request) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		long total = jdbc.sql("select count(*) from audit_log" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(request.size());
		pageParams.add(request.offset());
		List<AuditEntry> items = jdbc.sql("select " + COLUMNS + " from audit_log" + where
				+ " order by id desc limit ? offset ?").params(pageParams).query(AuditStore::entry).list();
		return new Page<>(items, request.page(), request.size(), total);
	}

	public void each(AuditFilter filter, Consumer<AuditEntry> consumer) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		try (var entries = jdbc.sql("select " + COLUMNS + " from audit_log" + where + " order by id")
			.params(params)
			.withFetchSize(500)
			.query(AuditStore::entry)
			.stream()) {
			entries.forEach(consumer);
		}
	}

	/** Walks the sealed chain in order; the first entry that does not fit its place is where it broke. */
	public ChainCheck verify() {
		long checked = 0;
		Long broken = null;
		String previous = ZERO;
		long expected = 1;
		try (var entries = jdbc.sql("select " + COLUMNS + " from audit_log where seq is not null order by seq")
			.withFetchSize(1000)
			.query(AuditStore::entry)
			.stream()) {
			var it = entries.iterator();
			while (it.hasNext() && broken == null) {
				AuditEntry e = it.next();
				checked++;
				if (e.seq() != expected || !previous.equals(e.prevHash()) || !e.hash().equals(hash(e.prevHash(), e.seq(), e))) {
					broken = e.seq();
				}
				previous = e.hash();
				expected = e.seq() + 1;
			}
		}
		if (broken == null) {
			// the head remembers the chain's end: removing entries from the end breaks the chain as well
			long lastSeq = jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
			String lastHash = jdbc.sql("select last_hash from audit_head where id = 1").query(String.class).single();
			if (lastSeq != expected - 1 || !lastHash.equals(previous)) {
				broken = expected;
			}
		}
		return new ChainCheck(checked, broken);
	}

	private static String where(AuditFilter filter, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (filter.actor() != null && !filter.actor().isBlank()) {
			conditions.add("lower(actor_name) = ?");
			params.add(filter.actor().strip().toLowerCase());
		}
		if (filter.action() != null && !filter.action().isBlank()) {
			conditions.add("action = ?");
			params.add(filter.action().strip());
		}
		if (filter.subjectType() != null && !filter.subjectType().isBlank()) {
			conditions.add("subject_type = ?");
			params.add(filter.subjectType().strip());
		}
		if (filter.subjectId() != null && !filter.subjectId().isBlank()) {
			conditions.add("subject_id = ?");
			params.add(filter.subjectId().strip());
		}
		if (filter.from() != null) {
			conditions.add("occurred_at >= ?");
			params.add(SqlTime.param(filter.from()));
		}
		if (filter.to() != null) {
			conditions.add("occurred_at < ?");
			params.add(SqlTime.param(filter.to()));
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong("id"), SqlTime.get(rs, "occurred_at"), rs.getString("actor_kind"),
				rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("action"),
				rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail"),
				rs.getString("address"), rs.getObject("seq", Long.class), rs.getString("prev_hash"),
				rs.getString("hash"));
	}
}
