package org.ombud.bench;

import static org.ombud.bench.BenchSupport.arg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Breach detection latency: {@code count} SLA clocks falling due evenly over {@code spread} seconds, inserted
 * straight into the database of a running Ombud; its detector (every node polls every 200 ms) records each breach.
 * For each clock the lag is the breach row's {@code detected_at} minus the clock's {@code due_at}. Prints count,
 * p50, p95, p99 and max of the lag, against the goal of p99 within one second.
 */
public final class SlaBench {

	public static void main(String[] args) throws Exception {
		String jdbcUrl = arg(args, "jdbc", "jdbc:postgresql://127.0.0.1:5432/ombud_bench");
		String user = arg(args, "user", "postgres");
		int count = Integer.parseInt(arg(args, "count", "10000"));
		int spread = Integer.parseInt(arg(args, "spread", "60"));
		int lead = Integer.parseInt(arg(args, "lead", "10"));
		try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
			long base = 9_000_000_000L + (System.nanoTime() & 0xffffff) * 100_000L;
			Instant start = Instant.now();
			Instant firstDue = start.plusSeconds(lead);
			System.out.printf("SLA breach detection: %d clocks due over %d s, the first %d s from now%n", count, spread,
					lead);
			long firstId = insert(db, base, count, spread, firstDue);
			System.out.printf("inserted in %d ms%n", Duration.between(start, Instant.now()).toMillis());

			Instant deadline = firstDue.plusSeconds(spread + 60L);
			long seen = 0;
			while (Instant.now().isBefore(deadline)) {
				seen = breaches(db, firstId, count);
				if (seen >= count) {
					break;
				}
				Thread.sleep(500);
			}
			List<Long> lags = lags(db, firstId, count);
			Collections.sort(lags);
			System.out.println();
			System.out.printf("%-10s %8s %8s %8s %8s %8s%n", "clocks", "breaches", "p50 ms", "p95 ms", "p99 ms", "max ms");
			System.out.printf("%-10d %8d %8d %8d %8d %8d%n", count, lags.size(), pct(lags, 50), pct(lags, 95),
					pct(lags, 99), lags.isEmpty() ? -1 : lags.get(lags.size() - 1));
			long duplicates = duplicates(db, firstId, count);
			System.out.printf("%nrecorded twice: %d; p99 against the 1000 ms goal: %.2f%n", duplicates,
					pct(lags, 99) / 1000.0);
			if (lags.size() < count || duplicates > 0 || pct(lags, 99) > 1000) {
				System.exit(1);
			}
		}
	}

	/** The clocks, as the app would have started them, in batches; returns the first clock's id. */
	static long insert(Connection db, long subjectBase, int count, int spreadSeconds, Instant firstDue)
			throws Exception {
		db.setAutoCommit(false);
		long firstId = -1;
		Instant now = Instant.now();
		String sql = """
				insert into sla_clocks (stage, subject_kind, subject_id, target_seconds, started_at, due_at, state,
				  running, warned, next_fire_at)
				values ('FIRST_REPLY', 'CONVERSATION', ?, ?, ?, ?, 'RUNNING', true, true, ?)""";
		try (PreparedStatement insert = db.prepareStatement(sql, new String[] { "id" })) {
			for (int i = 0; i < count; i++) {
				Instant due = firstDue.plusNanos((long) spreadSeconds * 1_000_000_000L * i / count);
				insert.setLong(1, subjectBase + i);
				insert.setLong(2, Duration.between(now, due).toSeconds());
				insert.setTimestamp(3, Timestamp.from(now));
				insert.setTimestamp(4, Timestamp.from(due));
				insert.setTimestamp(5, Timestamp.from(due));
				insert.addBatch();
				if (i % 500 == 499 || i == count - 1) {
					insert.executeBatch();
					try (ResultSet keys = insert.getGeneratedKeys()) {
						if (firstId < 0 && keys.next()) {
							firstId = keys.getLong(1);
						}
					}
					db.commit();
				}
			}
		}
		db.setAutoCommit(true);
		return firstId;
	}

	static long breaches(Connection db, long firstId, int count) throws Exception {
		try (PreparedStatement s = db.prepareStatement(
				"select count(*) from sla_breaches where clock_id between ? and ?")) {
			s.setLong(1, firstId);
			s.setLong(2, firstId + count - 1);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	static long duplicates(Connection db, long firstId, int count) throws Exception {
		try (PreparedStatement s = db.prepareStatement("""
				select count(*) - count(distinct clock_id) from sla_breaches where clock_id between ? and ?""")) {
			s.setLong(1, firstId);
			s.setLong(2, firstId + count - 1);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	static List<Long> lags(Connection db, long firstId, int count) throws Exception {
		List<Long> lags = new ArrayList<>();
		try (PreparedStatement s = db.prepareStatement("""
				select due_at, detected_at from sla_breaches where clock_id between ? and ?""")) {
			s.setLong(1, firstId);
			s.setLong(2, firstId + count - 1);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					lags.add(Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()).toMillis());
				}
			}
		}
		return lags;
	}

	static long pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return -1;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
	}
}
