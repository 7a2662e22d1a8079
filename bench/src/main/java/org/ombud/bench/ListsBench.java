package org.ombud.bench;

import static org.ombud.bench.BenchSupport.arg;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Read benchmark of the two hot lists on a big desk (see {@code lists-data.sql}): the chat list of one team and
 * the case queue of one team, through the running application's pages with a logged-in session and as bare SQL
 * over JDBC (the reference: the same statements the application sends). Prints p50/p95/p99 of each and the
 * plans (EXPLAIN ANALYZE), which must read an index in order with no Sort node.
 */
public final class ListsBench {

	// the statements of ChatStore.pageQuery (one team, nothing else filtered) and CaseStore.queueQuery (one
	// team, open cases, first page of 50), as the application sends them
	static final String CHATS = """
			select c.id, c.channel, c.title, c.organisation_id, o.name as organisation_name,
			  ct.display_name as contact_name, c.list_at, c.last_message_at, c.waiting_since, c.team_id,
			  c.open_case_id, coalesce(c.case_assignee_id, c.assignee_id) as assignee_id, c.listed, c.alarm_at,
			  c.alarm_by, c.last_inbound_id, mk.pin_position, mk.starred, mk.read_message_id,
			  (select substring(m.kind, 1, 1) || substring(m.body, 1, 200) from messages m
			   where m.conversation_id = c.id and m.kind <> 'NOTE' order by m.id desc fetch first 1 rows only) as last_message
			from conversations c
			join contacts ct on ct.id = c.contact_id
			left join organisations o on o.id = c.organisation_id
			left join conversation_marks mk on mk.agent_id = ? and mk.conversation_id = c.id
			where c.listed and c.team_id = ? order by c.list_at desc, c.id desc fetch first ? rows only""";

	static final String QUEUE = """
			select id, case_number, status, priority, channel, category_id, subcategory_id, team_id, assignee_id, subject,
			reported_object, locale, contact_id, conversation_id, created_at, updated_at, resolved_at, closed_at
			from cases where 1 = 1 and team_id = ? and status not in ('RESOLVED', 'CLOSED') order by id desc limit ? offset ?""";

	static final String QUEUE_COUNT = "select count(*) from cases where 1 = 1 and team_id = ? and status not in ('RESOLVED', 'CLOSED')";

	public static void main(String[] args) throws Exception {
		String baseUrl = arg(args, "url", "http://127.0.0.1:18081");
		String jdbcUrl = arg(args, "jdbc", "jdbc:postgresql://127.0.0.1:5432/ombud_bench_lists");
		String password = arg(args, "password", "bench-admin-password");
		int requests = Integer.parseInt(arg(args, "requests", "1000"));
		int warmup = Integer.parseInt(arg(args, "warmup", "500"));

		try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
			long[] teams = teams(db);
			long adminId = single(db, "select id from agents where username = 'admin'");
			System.out.printf("Lists benchmark: %,d cases, %,d open chats, %,d messages, %d teams%n",
					single(db, "select count(*) from cases"), single(db, "select count(*) from conversations where listed"),
					single(db, "select count(*) from messages"), teams.length);
			System.out.printf("one team: %,d open chats, %,d open cases%n%n",
					single(db, "select count(*) from conversations where listed and team_id = " + teams[0]),
					single(db, "select count(*) from cases where status not in ('RESOLVED', 'CLOSED') and team_id = " + teams[0]));

			Http http = new Http(baseUrl);
			http.login("admin", password);
			// warm the JIT and the caches, every team in turn
			for (int i = 0; i < warmup; i++) {
				http.get("/console/chats?team=" + teams[i % teams.length], 60);
				http.get("/console/cases?team=" + teams[i % teams.length], 50);
			}
			System.out.println("Through the application (one logged-in client, 60 chats / 50 cases a page):");
			report("GET /console/chats?team=…", measure(requests, i -> http.get("/console/chats?team=" + teams[i % teams.length], 60)));
			report("GET /console/cases?team=…", measure(requests, i -> http.get("/console/cases?team=" + teams[i % teams.length], 50)));

			System.out.println();
			System.out.println("The same statements over JDBC (reference):");
			try (PreparedStatement chats = db.prepareStatement(CHATS); PreparedStatement queue = db.prepareStatement(QUEUE);
					PreparedStatement count = db.prepareStatement(QUEUE_COUNT)) {
				Op chatList = i -> {
					chats.setLong(1, adminId);
					chats.setLong(2, teams[i % teams.length]);
					chats.setInt(3, 61);
					drain(chats, 61);
				};
				Op queuePage = i -> {
					count.setLong(1, teams[i % teams.length]);
					drain(count, 1);
					queue.setLong(1, teams[i % teams.length]);
					queue.setInt(2, 50);
					queue.setInt(3, 0);
					drain(queue, 50);
				};
				measure(warmup, chatList);
				measure(warmup, queuePage);
				report("SQL chat list (61 rows)", measure(requests, chatList));
				report("SQL queue page + count", measure(requests, queuePage));
			}

			System.out.println();
			boolean ok = explain(db, "Chat list of one team", CHATS.replaceFirst("\\?", String.valueOf(adminId))
				.replaceFirst("\\?", String.valueOf(teams[0])).replaceFirst("\\?", "61"));
			ok &= explain(db, "Case queue of one team (open, newest first)", QUEUE.replaceFirst("\\?", String.valueOf(teams[0]))
				.replaceFirst("\\?", "50").replaceFirst("\\?", "0"));
			ok &= explain(db, "Case queue count", QUEUE_COUNT.replace("?", String.valueOf(teams[0])));
			System.out.println(ok ? "All plans read an index in order, with no Sort node." : "A PLAN SORTS OR SCANS THE TABLE.");
		}
	}

	interface Op {

		void run(int i) throws Exception;
	}

	static long[] measure(int n, Op op) throws Exception {
		long[] nanos = new long[n];
		for (int i = 0; i < n; i++) {
			long start = System.nanoTime();
			op.run(i);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return nanos;
	}

	static void report(String name, long[] sorted) {
		System.out.printf("  %-28s n=%d  p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name, sorted.length,
				ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
	}

	static double ms(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
	}

	static void drain(PreparedStatement statement, int expected) throws Exception {
		int rows = 0;
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				rows++;
			}
		}
		if (rows < Math.min(expected, 1)) {
			throw new IllegalStateException("no rows");
		}
	}

	static boolean explain(Connection db, String title, String sql) throws Exception {
		System.out.println("EXPLAIN (ANALYZE, BUFFERS) — " + title + ":");
		StringBuilder plan = new StringBuilder();
		try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery("explain (analyze, buffers) " + sql)) {
			while (rs.next()) {
				plan.append("  ").append(rs.getString(1)).append('\n');
			}
		}
		System.out.print(plan);
		// (empty side tables such as organisations may be read whole: nothing to read)
		String text = plan.toString();
		boolean ok = !text.contains("Sort") && text.contains("Index")
				&& !text.contains("Seq Scan on conversations") && !text.contains("Seq Scan on cases")
				&& !text.contains("Seq Scan on messages") && !text.contains("Seq Scan on contacts");
		System.out.println(ok ? "  → index scan, no sort" : "  → NOT an index scan without sort");
		System.out.println();
		return ok;
	}

	static long[] teams(Connection db) throws Exception {
		List<Long> ids = new ArrayList<>();
		try (var statement = db.createStatement();
				ResultSet rs = statement.executeQuery("select id from teams where team_key like 'bench-%' order by id")) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		return ids.stream().mapToLong(Long::longValue).toArray();
	}

	static long single(Connection db, String sql) throws Exception {
		try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** A browser's session: cookies, the login form with its CSRF token, pages that must list rows. */
	static final class Http {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private static final Pattern ROW = Pattern.compile("data-chat=\"|<td class=\"nowrap\"><a href=\"/console/cases/");

		private final String base;

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			// plain HTTP/1.1 like a browser on http://, no h2c upgrade dance
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();

		Http(String base) {
			this.base = base;
		}

		void login(String username, String password) throws Exception {
			String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			Matcher m = CSRF.matcher(form);
			if (!m.find()) {
				throw new IllegalStateException("no CSRF token on the login page");
			}
			String body = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").orElse("");
			if (response.statusCode() != 302 || location.contains("error")) {
				throw new IllegalStateException("login failed: " + response.statusCode() + " " + location);
			}
		}

		void get(String path, int expectedRows) throws Exception {
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			Matcher rows = ROW.matcher(response.body());
			int n = 0;
			while (rows.find()) {
				n++;
			}
			if (n < expectedRows) {
				throw new IllegalStateException(path + " listed " + n + " rows, expected " + expectedRows);
			}
		}

		private static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}
	}
}
