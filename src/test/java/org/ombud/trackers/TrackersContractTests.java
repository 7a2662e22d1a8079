package org.ombud.trackers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.ombud.shared.Tokens;
import org.ombud.support.Await;
import org.ombud.support.TestClock;
import org.ombud.trackers.internal.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tasks reach a tracker's webhook (a local HTTP server here) in its format, signed with its secret; a tracker
 * that fails for a while gets the task once it is back. On H2 or PostgreSQL, as the run chooses.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class TrackersContractTests {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Trackers trackers;

	@Autowired
	TestClock clock;

	HttpServer server;

	record Hit(String path, Map<String, String> headers, String body) {
	}

	final List<Hit> hits = new ArrayList<>();

	/** Per path: the statuses (and bodies) to answer, in order; then 200 with {@code {"id":"ok"}}. */
	final Map<String, Deque<String[]>> answers = new ConcurrentHashMap<>();

	@BeforeEach
	void server() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new java.util.HashMap<>();
			exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
			String path = exchange.getRequestURI().getPath();
			synchronized (hits) {
				hits.add(new Hit(path, headers, body));
			}
			Deque<String[]> queue = answers.get(path);
			String[] answer = queue == null || queue.isEmpty() ? new String[] { "200", "{\"id\":\"ok\"}" } : queue.poll();
			byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
		clock.reset();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	List<Hit> hits(String path) {
		synchronized (hits) {
			return hits.stream().filter(h -> h.path().equals(path)).toList();
		}
	}

	TrackerTask task() {
		return new TrackerTask("C-2026-000042: my refund is late", "Where is my refund?\n[b]bold[/b] {quote}",
				"Ирина 王", Instant.parse("2026-11-01T10:00:00Z"), "C-2026-000042",
				"https://desk.example/console/cases/C-2026-000042");
	}

	static void assertSigned(Hit hit, String secret) {
		String timestamp = hit.headers().get("x-ombud-timestamp");
		assertThat(timestamp).matches("\\d+");
		assertThat(hit.headers().get("x-ombud-signature"))
			.isEqualTo(Signatures.sign(secret, Long.parseLong(timestamp), hit.body()))
			.startsWith("sha256=");
		assertThat(hit.headers().get("content-type")).startsWith("application/json");
	}

	@Test
	void eachFormatArrivesSignedWithTheQuotedMessageAndALinkBack(CapturedOutput output) {
		String secret = "s3cret-" + Tokens.random(16);
		String generic = "/generic-" + Tokens.random(4);
		String bitrix = "/rest/1/hook/tasks.task.add-" + Tokens.random(4);
		String jira = "/rest/api/2/issue-" + Tokens.random(4);
		answers.put(bitrix, new ArrayDeque<>(List.<String[]>of(new String[] { "200", "{\"result\":{\"task\":{\"id\":\"981\"}}}" })));
		answers.put(jira, new ArrayDeque<>(List.<String[]>of(new String[] { "201", "{\"id\":\"10000\",\"key\":\"OPS-17\"}" })));
		Tracker g = trackers.create(new TrackerDraft("Generic", url(generic), "GENERIC", null, secret, true));
		Tracker b = trackers.create(new TrackerDraft("Bitrix", url(bitrix), "bitrix24", "7", secret, true));
		Tracker j = trackers.create(new TrackerDraft("Jira", url(jira), "JIRA", "OPS", secret, true));
		trackers.send(g.id(), task());
		trackers.send(b.id(), task());
		trackers.send(j.id(), task());
		for (Tracker t : List.of(g, b, j)) {
			Await.until(WAIT, t.name() + " delivered",
					() -> "SENT".equals(trackers.deliveries(t.id(), 5).getFirst().state()));
		}

		Hit genericHit = hits(generic).getFirst();
		assertSigned(genericHit, secret);
		JsonNode body = JSON.readTree(genericHit.body());
		assertThat(body.at("/title").asString()).isEqualTo("C-2026-000042: my refund is late");
		assertThat(body.at("/quote/text").asString()).isEqualTo("Where is my refund?\n[b]bold[/b] {quote}");
		assertThat(body.at("/quote/author").asString()).isEqualTo("Ирина 王");
		assertThat(body.at("/link").asString()).isEqualTo("https://desk.example/console/cases/C-2026-000042");
		assertThat(trackers.deliveries(g.id(), 5).getFirst().externalId()).isEqualTo("ok");

		Hit bitrixHit = hits(bitrix).getFirst();
		assertSigned(bitrixHit, secret);
		body = JSON.readTree(bitrixHit.body());
		assertThat(body.at("/fields/TITLE").asString()).isEqualTo("C-2026-000042: my refund is late");
		assertThat(body.at("/fields/RESPONSIBLE_ID").asLong()).isEqualTo(7);
		assertThat(body.at("/fields/DESCRIPTION").asString())
			.startsWith("[QUOTE]Where is my refund?\n(b)bold(/b) {quote}[/QUOTE]")
			.contains("[URL=https://desk.example/console/cases/C-2026-000042]Ombud C-2026-000042[/URL]");
		assertThat(trackers.deliveries(b.id(), 5).getFirst().externalId()).isEqualTo("981");

		Hit jiraHit = hits(jira).getFirst();
		assertSigned(jiraHit, secret);
		body = JSON.readTree(jiraHit.body());
		assertThat(body.at("/fields/project/key").asString()).isEqualTo("OPS");
		assertThat(body.at("/fields/issuetype/name").asString()).isEqualTo("Task");
		assertThat(body.at("/fields/summary").asString()).isEqualTo("C-2026-000042: my refund is late");
		assertThat(body.at("/fields/description").asString())
			.startsWith("{quote}Where is my refund?\n(b)bold(/b) (quote){quote}")
			.contains("[Ombud C-2026-000042|https://desk.example/console/cases/C-2026-000042]");
		assertThat(trackers.deliveries(j.id(), 5).getFirst().externalId()).isEqualTo("OPS-17");

		assertThat(hits(generic)).hasSize(1);
		assertThat(hits(bitrix)).hasSize(1);
		assertThat(hits(jira)).hasSize(1);
		assertThat(output.getAll()).doesNotContain(secret);
	}

	@Test
	void aFailingTrackerGetsTheTaskOnceItIsBackAndARefusalIsFinal(CapturedOutput output) {
		String secret = "another-secret-" + Tokens.random(16);
		String flaky = "/flaky-" + Tokens.random(4);
		answers.put(flaky, new ArrayDeque<>(List.<String[]>of(new String[] { "503", "{}" }, new String[] { "500", "{}" })));
		Tracker t = trackers.create(new TrackerDraft("Flaky", url(flaky), "GENERIC", null, secret, true));
		trackers.send(t.id(), task());
		Await.until(WAIT, "first attempt", () -> hits(flaky).size() == 1);
		Await.until(WAIT, "back in the queue", () -> trackers.deliveries(t.id(), 1).getFirst().state().equals("PENDING"));
		assertThat(trackers.deliveries(t.id(), 1).getFirst().error()).isEqualTo("HTTP 503");
		clock.shift(Duration.ofSeconds(3));
		Await.until(WAIT, "second attempt", () -> hits(flaky).size() == 2);
		// its outcome recorded before the clock moves, so the backoff counts from the real time of the attempt
		Await.until(WAIT, "back in the queue again", () -> trackers.deliveries(t.id(), 1).getFirst().attempts() == 2
				&& trackers.deliveries(t.id(), 1).getFirst().state().equals("PENDING"));
		clock.shift(Duration.ofSeconds(6));
		Await.until(WAIT, "delivered", () -> "SENT".equals(trackers.deliveries(t.id(), 1).getFirst().state()));
		assertThat(hits(flaky)).hasSize(3);
		assertThat(trackers.deliveries(t.id(), 1).getFirst().attempts()).isEqualTo(3);
		hits(flaky).forEach(h -> assertSigned(h, secret));

		String refusing = "/refusing-" + Tokens.random(4);
		answers.put(refusing, new ArrayDeque<>(List.<String[]>of(new String[] { "400", "{\"errors\":{\"project\":\"x\"}}" })));
		Tracker r = trackers.create(new TrackerDraft("Refusing", url(refusing), "JIRA", "NOPE", secret, true));
		trackers.send(r.id(), task());
		Await.until(WAIT, "refused", () -> "FAILED".equals(trackers.deliveries(r.id(), 1).getFirst().state()));
		assertThat(trackers.deliveries(r.id(), 1).getFirst().error()).isEqualTo("HTTP 400");
		assertThat(hits(refusing)).hasSize(1);
		assertThat(output.getAll()).doesNotContain(secret);
	}

	@Test
	void aTrackerWithBadSettingsIsRefusedWithEveryReasonAndNothingIsStored() {
		int before = trackers.trackers().size();
		assertThatThrownBy(() -> trackers.create(new TrackerDraft(" ", "ftp://x.example/", "YOUTRACK", null, "short", true)))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.rejections()).extracting(Rejection::field)
				.containsExactlyInAnyOrder("name", "url", "format", "secret"));
		assertThatThrownBy(() -> trackers.create(new TrackerDraft("Jira", "https://jira.example/rest/api/2/issue", "JIRA",
				"ops", "long-enough-secret-123", true)))
			.isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.rejections()).extracting(Rejection::messageKey)
				.containsExactly("trackers.error.jiraProject"));
		assertThat(trackers.trackers()).hasSize(before);
		Tracker off = trackers.create(new TrackerDraft("Off", "https://off.example/hook", "GENERIC", null,
				"long-enough-secret-123", false));
		assertThatThrownBy(() -> trackers.send(off.id(), task())).isInstanceOf(Rejected.class);
		assertThat(trackers.deliveries(off.id(), 5)).isEmpty();
	}
}
