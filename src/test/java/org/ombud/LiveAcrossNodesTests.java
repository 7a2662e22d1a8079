package org.ombud;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.support.ConsoleClient;
import org.ombud.support.ConsoleClient.Event;
import org.ombud.support.ConsoleClient.LiveEvents;
import org.ombud.support.PlatformApp;
import org.ombud.support.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes of one desk on one PostgreSQL database: what one node accepts reaches the consoles open on the
 * other within a second, once; a session made on one node is the same session on the other, and logging out
 * everywhere on one node ends the streams open on the other. Always runs on PostgreSQL, whatever database the rest of the run uses: it makes
 * a database of its own on the server of {@code OMBUD_TEST_PG_URL} (through its {@code postgres} database) and
 * drops it afterwards. Without a PostgreSQL server this test fails; it never skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveAcrossNodesTests {

	static final Duration WITHIN = Duration.ofSeconds(1);

	static final String PASSWORD = "live-nodes-password";

	static final JsonMapper JSON = JsonMapper.builder().build();

	final String database = "ombud_test_live_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

	final String user = System.getenv().getOrDefault("OMBUD_TEST_PG_USER", "postgres");

	final String password = System.getenv().getOrDefault("OMBUD_TEST_PG_PASSWORD", "");

	ConfigurableApplicationContext nodeA;

	ConfigurableApplicationContext nodeB;

	@BeforeAll
	void startTwoNodes() throws SQLException {
		admin("create database " + database);
		nodeA = start();
		nodeB = start();
	}

	@AfterAll
	void stopAndDrop() throws SQLException {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { nodeA, nodeB }) {
			if (node != null) {
				node.close();
			}
		}
		admin("drop database if exists " + database + " with (force)");
	}

	@Test
	void aMessageAcceptedByOneNodeReachesAConsoleOnTheOtherOnce() {
		Agent agent = agent(nodeB);
		List<LiveSignal> heardOnA = new CopyOnWriteArrayList<>();
		try (AutoCloseable subscription = nodeA.getBean(LiveBus.class).subscribe(heardOnA::add);
				PlatformApp app = new PlatformApp(base(nodeA), nodeA.getBean(ApiTokens.class).create("app", null).secret());
				ConsoleClient console = ConsoleClient.loggedIn(base(nodeB), agent.username(), PASSWORD);
				LiveEvents live = console.live()) {
			assertThat(live.status()).isEqualTo(200);

			String number = app.openCase("content", "Across nodes: a case opened on A");
			CaseView c = nodeB.getBean(CaseManagement.class).find(number).orElseThrow();
			live.await(e -> is(e, LiveSignal.CASE, c.id()), WITHIN);

			// opening told of the case's conversation too: count from here
			live.await(e -> is(e, LiveSignal.CONVERSATION, c.conversationId()), WITHIN);
			int heardOnBBefore = live.received(e -> is(e, LiveSignal.CONVERSATION, c.conversationId())).size();
			LiveSignal conversation = LiveSignal.conversation(c.conversationId(), c.teamId());
			long heardOnABefore = heardOnA.stream().filter(conversation::equals).count();

			app.write(number, "Across nodes: the complainant writes again on A");
			long written = System.nanoTime();
			live.await(e -> is(e, LiveSignal.CONVERSATION, c.conversationId()), WITHIN);
			assertThat(Duration.ofNanos(System.nanoTime() - written)).isLessThan(WITHIN);
			live.await(e -> is(e, LiveSignal.CASE, c.id()), WITHIN);

			// once: a marker sent by A after the message arrives after everything A sent before it ...
			long marker = System.nanoTime();
			nodeA.getBean(LiveBus.class).publish(new LiveSignal("test-marker", marker, null));
			live.await(e -> is(e, "test-marker", marker), WITHIN);
			assertThat(live.received(e -> is(e, LiveSignal.CONVERSATION, c.conversationId()))).hasSize(heardOnBBefore + 1);
			// ... and A, which heard its own signals at commit, does not hear them again from the database
			nodeB.getBean(LiveBus.class).publish(new LiveSignal("test-marker", marker, null));
			await(() -> heardOnA.contains(new LiveSignal("test-marker", marker, null)), WITHIN, "B's marker on A");
			assertThat(heardOnA.stream().filter(conversation::equals).count()).isEqualTo(heardOnABefore + 1);
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	@Test
	void aNodeThatLosesItsListeningConnectionListensAgain() {
		Agent agent = agent(nodeB);
		JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
		Set<Integer> before = Set.copyOf(listeners(jdbc));
		assertThat(before).hasSize(2);
		jdbc.sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and application_name like 'ombud-live-%'")
			.param(database)
			.query()
			.listOfRows();
		await(() -> {
			List<Integer> now = listeners(jdbc);
			return now.size() == 2 && Collections.disjoint(now, before);
		}, Duration.ofSeconds(10), "two new listening connections");
		HealthIndicator health = nodeB.getBean("liveHealthIndicator", HealthIndicator.class);
		await(() -> health.health().getStatus().equals(Status.UP), Duration.ofSeconds(10), "node B listening");

		try (PlatformApp app = new PlatformApp(base(nodeA), nodeA.getBean(ApiTokens.class).create("app", null).secret());
				ConsoleClient console = ConsoleClient.loggedIn(base(nodeB), agent.username(), PASSWORD);
				LiveEvents live = console.live()) {
			String number = app.openCase("content", "Across nodes: after the listener came back");
			CaseView c = nodeB.getBean(CaseManagement.class).find(number).orElseThrow();
			live.await(e -> is(e, LiveSignal.CASE, c.id()), WITHIN);
		}
	}

	@Test
	void aSessionMadeOnOneNodeIsAcceptedByTheOther() {
		Agent agent = agent(nodeA);
		try (ConsoleClient onA = ConsoleClient.loggedIn(base(nodeA), agent.username(), PASSWORD);
				ConsoleClient onB = new ConsoleClient(base(nodeB))) {
			String session = onA.cookie("SESSION").orElseThrow();
			HttpResponse<String> page = onB.send(HttpRequest.newBuilder().header("Cookie", "SESSION=" + session).GET(),
					"/console/cases");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains(agent.username());
		}
	}

	@Test
	void loggingOutEverywhereOnOneNodeEndsTheSessionsAndStreamsOnTheOther() {
		Agent agent = agent(nodeA);
		try (ConsoleClient onA = ConsoleClient.loggedIn(base(nodeA), agent.username(), PASSWORD);
				ConsoleClient onB = ConsoleClient.loggedIn(base(nodeB), agent.username(), PASSWORD);
				LiveEvents live = onB.live()) {
			assertThat(live.status()).isEqualTo(200);
			onA.postForm("/console/settings/logout-everywhere", Map.of("_csrf", onA.csrfToken()));
			assertThat(live.endsWithin(WITHIN)).isTrue();
			HttpResponse<String> next = onB.get("/console/cases");
			assertThat(next.statusCode()).isEqualTo(302);
			assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login");
		}
	}

	private List<Integer> listeners(JdbcClient jdbc) {
		return jdbc.sql("select pid from pg_stat_activity where datname = ? and application_name like 'ombud-live-%'")
			.param(database)
			.query(Integer.class)
			.list();
	}

	private ConfigurableApplicationContext start() {
		Map<String, Object> db = Map.of("spring.datasource.url", server() + database, "spring.datasource.username", user,
				"spring.datasource.password", password, "spring.datasource.hikari.maximum-pool-size", 4,
				"spring.datasource.hikari.minimum-idle", 1, "server.port", 0);
		return new SpringApplicationBuilder(OmbudApplication.class)
			// over the test run's own database choice (an EnvironmentPostProcessor), before the pool exists
			.initializers(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("live-nodes-database", db)))
			.run();
	}

	private Agent agent(ConfigurableApplicationContext node) {
		String username = "live" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		return node.getBean(AgentDirectory.class)
			.create(new NewAgent(username, "Agent " + username, null, PASSWORD, Role.SUPERVISOR, "en", Set.of()));
	}

	private static String base(ConfigurableApplicationContext node) {
		return "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
	}

	private static boolean is(Event event, String topic, long id) {
		return event.name().equals(topic) && JSON.readTree(event.data()).get("id").asLong() == id;
	}

	private static void await(BooleanSupplier condition, Duration within, String what) {
		long deadline = System.nanoTime() + within.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	/** {@code jdbc:postgresql://host:port/} of the test server. */
	private static String server() {
		String url = TestDatabase.pgUrl();
		int query = url.indexOf('?');
		String withoutQuery = query < 0 ? url : url.substring(0, query);
		return withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1);
	}

	private void admin(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server() + "postgres", user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}
}
