package org.ombud.bench;

import static org.ombud.bench.BenchSupport.arg;
import static org.ombud.bench.BenchSupport.exec;
import static org.ombud.bench.BenchSupport.insertReturningId;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake throughput: {@code POST /api/v1/cases} against a running Ombud with 8 and 64 concurrent clients (driven by
 * wrk), and
 * in the same run the reference, the same rows inserted by plain JDBC (one transaction per case, 8 connections).
 * Prints cases/s, p50 and p99 for each and the ratio to the reference.
 */
public final class IntakeBench {

	record Result(String name, int clients, long count, long failures, double seconds, double p50Millis,
			double p99Millis) {

		double perSecond() {
			return count / seconds;
		}
	}

	interface Operation {

		boolean run(int worker, long seq) throws Exception;
	}

	public static void main(String[] args) throws Exception {
		String baseUrl = arg(args, "url", "http://127.0.0.1:18080");
		String jdbcUrl = arg(args, "jdbc", "jdbc:postgresql://127.0.0.1:5432/ombud_bench");
		String user = arg(args, "user", "postgres");
		String script = arg(args, "script", "bench/intake.lua");
		int seconds = Integer.parseInt(arg(args, "seconds", "20"));
		// the JIT needs about a minute under load before Ombud's hot path runs at full speed
		int warmup = Integer.parseInt(arg(args, "warmup", "90"));
		String run = UUID.randomUUID().toString().substring(0, 8);

		System.out.printf("Intake benchmark: %s, %d s per phase after %d s warm-up%n", baseUrl, seconds, warmup);
		// wrk drives the API: a client in C costs the shared CPU little, so the figure is Ombud's, not the driver's
		wrk("warm-up", 8, warmup, baseUrl, script, run + "w");
		Result api8 = wrk("api", 8, seconds, baseUrl, script, run + "a");
		Result api64 = wrk("api", 64, seconds, baseUrl, script, run + "b");

		Reference reference = new Reference(jdbcUrl, user, run);
		measure("warm-up", 8, Math.min(warmup, 15), reference::insert);
		Result ref8 = measure("plain JDBC", 8, seconds, reference::insert);
		reference.close();

		System.out.println();
		System.out.printf("%-12s %8s %10s %9s %9s %9s%n", "what", "clients", "cases/s", "p50 ms", "p99 ms", "failed");
		for (Result r : List.of(ref8, api8, api64)) {
			System.out.printf("%-12s %8d %10.1f %9.2f %9.2f %9d%n", r.name(), r.clients(), r.perSecond(), r.p50Millis(),
					r.p99Millis(), r.failures());
		}
		System.out.printf("%nratio api(8)/reference(8):  %.2f%n", api8.perSecond() / ref8.perSecond());
		System.out.printf("ratio api(64)/reference(8): %.2f%n", api64.perSecond() / ref8.perSecond());
		if (api8.failures() + api64.failures() > 0) {
			System.out.println("some API requests failed: see the Ombud log");
			System.exit(1);
		}
	}

	static Result wrk(String name, int clients, int seconds, String baseUrl, String script, String run)
			throws Exception {
		ProcessBuilder pb = new ProcessBuilder("wrk", "-t" + Math.min(clients, 4), "-c" + clients, "-d" + seconds + "s",
				"--timeout", "10s", "-s", script, baseUrl);
		pb.environment().put("OMBUD_BENCH_RUN", run + clients);
		pb.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process process = pb.start();
		String out = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + out);
		}
		var m = java.util.regex.Pattern
			.compile("RESULT requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p99_us=(\\d+) failed=(\\d+)")
			.matcher(out);
		if (!m.find()) {
			throw new IllegalStateException("no result from wrk: " + out);
		}
		long requests = Long.parseLong(m.group(1));
		long failed = Long.parseLong(m.group(5));
		Result result = new Result(name, clients, requests - failed, failed, Long.parseLong(m.group(2)) / 1e6,
				Long.parseLong(m.group(3)) / 1e3, Long.parseLong(m.group(4)) / 1e3);
		System.out.printf("  %-12s %3d clients: %8.1f cases/s%n", name, clients, result.perSecond());
		return result;
	}

	static Result measure(String name, int clients, int seconds, Operation op) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		AtomicLong failures = new AtomicLong();
		long start = System.nanoTime();
		List<Future<long[]>> futures = new ArrayList<>();
		for (int w = 0; w < clients; w++) {
			int worker = w;
			futures.add(pool.submit(() -> {
				long[] latencies = new long[1024];
				int n = 0;
				long seq = 0;
				while (System.nanoTime() < deadline) {
					long t0 = System.nanoTime();
					boolean ok;
					try {
						ok = op.run(worker, seq++ + (long) name.hashCode() * 1_000_000L);
					}
					catch (Exception e) {
						ok = false;
					}
					long t = System.nanoTime() - t0;
					if (!ok) {
						failures.incrementAndGet();
						continue;
					}
					if (n == latencies.length) {
						latencies = Arrays.copyOf(latencies, n * 2);
					}
					latencies[n++] = t;
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> f : futures) {
			all.add(f.get());
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		Result result = new Result(name, clients, sorted.length, failures.get(), elapsed, percentile(sorted, 0.50),
				percentile(sorted, 0.99));
		System.out.printf("  %-12s %3d clients: %8.1f cases/s%n", name, clients, result.perSecond());
		return result;
	}

	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	/** The rows one API case writes, inserted directly: contact, identity, conversation, message, case, timeline, key. */
	static final class Reference {

		private final ThreadLocal<Connection> connections;

		private final List<Connection> opened = new ArrayList<>();

		private final String run;

		private final long categoryId;

		private final long teamId;

		private final long tokenId;

		Reference(String url, String user, String run) throws Exception {
			this.run = run;
			this.connections = ThreadLocal.withInitial(() -> {
				try {
					Connection c = DriverManager.getConnection(url, user, "");
					c.setAutoCommit(false);
					synchronized (opened) {
						opened.add(c);
					}
					return c;
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
				ResultSet rs = s.executeQuery("select id, default_team_id from categories where category_key = 'content'");
				rs.next();
				categoryId = rs.getLong(1);
				teamId = rs.getLong(2);
				rs = s.executeQuery("select min(id) from api_tokens");
				rs.next();
				tokenId = rs.getLong(1);
			}
		}

		boolean insert(int worker, long seq) throws Exception {
			Connection c = connections.get();
			Timestamp now = Timestamp.from(Instant.now());
			try {
				long contact = insertReturningId(c, "insert into contacts (display_name, locale, created_at) values (?, 'en', ?)",
						"Bench " + worker, now);
				exec(c, "insert into channel_identities (contact_id, channel, external_id, created_at) values (?, 'email', ?, ?)",
						contact, "ref-" + run + "-" + worker + "-" + seq + "@example.com", now);
				long conversation = insertReturningId(c,
						"insert into conversations (channel, contact_id, created_at, last_message_at) values ('api', ?, ?, ?)",
						contact, now, now);
				long message = insertReturningId(c,
						"insert into messages (conversation_id, kind, body, created_at) values (?, 'INBOUND', ?, ?)",
						conversation, "Cheating in stream, see link " + seq, now);
				long number;
				try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select nextval('case_number_seq')")) {
					rs.next();
					number = rs.getLong(1);
				}
				long caseId = insertReturningId(c, """
						insert into cases (case_number, conversation_id, contact_id, channel, category_id, priority, status,
						  team_id, subject, reported_object, locale, status_token_hash, created_at, updated_at)
						values (?, ?, ?, 'api', ?, 'NORMAL', 'NEW', ?, ?, ?, 'en', ?, ?, ?)""",
						"C-2026-%06d".formatted(number), conversation, contact, categoryId, teamId, "Cheating in stream",
						"https://stream.example/v/" + seq, UUID.randomUUID().toString(), now, now);
				exec(c, "insert into case_events (case_id, occurred_at, actor_kind, event_kind, new_value) values (?, ?, 'API', 'OPENED', ?)",
						caseId, now, "C-2026-%06d".formatted(number));
				exec(c, "insert into case_events (case_id, occurred_at, actor_kind, event_kind, message_id) values (?, ?, 'API', 'MESSAGE', ?)",
						caseId, now, message);
				exec(c, "insert into api_idempotency (token_id, idem_key, request_hash, case_id, created_at) values (?, ?, ?, ?, ?)",
						tokenId, "ref-" + run + "-" + worker + "-" + seq, UUID.randomUUID().toString(), caseId, now);
				c.commit();
				return true;
			}
			catch (Exception e) {
				c.rollback();
				throw e;
			}
		}

		void close() throws Exception {
			synchronized (opened) {
				for (Connection c : opened) {
					c.close();
				}
			}
		}
	}
}
