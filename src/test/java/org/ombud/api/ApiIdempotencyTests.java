package org.ombud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.identity.ApiTokens;
import org.ombud.shared.Actor;
import org.ombud.shared.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Idempotency-Key: a retried or raced request creates one case (or one message), never two. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiIdempotencyTests {

	static final String CASES = "/api/v1/cases";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseManagement cases;

	ApiHttp http;

	String token;

	@BeforeEach
	void setUp() {
		http = new ApiHttp(port);
		token = tokens.create("idem-" + Tokens.random(4), null).secret();
	}

	static String unique() {
		return Tokens.random(9).toLowerCase().replaceAll("[^a-z0-9]", "x");
	}

	long casesMentioning(String marker) {
		return jdbc.sql("select count(*) from cases where subject like ?").param("%" + marker + "%").query(Long.class).single();
	}

	long messagesMentioning(String marker) {
		return jdbc.sql("select count(*) from messages where body like ?").param("%" + marker + "%").query(Long.class).single();
	}

	@Test
	void aReplayAnswersWithTheFirstCaseAndCreatesNothing() {
		String marker = unique();
		Map<String, Object> request = ApiHttp.newCase("retry " + marker, "idem-" + marker + "@example.org");
		String key = "order-" + marker;

		ApiHttp.Reply first = http.post(CASES).token(token).header("Idempotency-Key", key).json(request).send();
		ApiHttp.Reply replay = http.post(CASES).token(token).header("Idempotency-Key", key).json(request).send();

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().has("statusUrl")).isTrue();
		assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
		assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.json().get("number").asString()).isEqualTo(first.json().get("number").asString());
		assertThat(replay.headers().getLocation()).isEqualTo(first.headers().getLocation());
		assertThat(replay.json().has("statusUrl")).as("the status link is not stored, so not replayed").isFalse();
		assertThat(casesMentioning(marker)).isOne();
	}

	@Test
	void theSameRequestWrittenDifferentlyIsStillAReplay() {
		String marker = unique();
		String key = "fmt-" + marker;
		String compact = """
				{"category":"content","description":"fmt %s","complainant":{"email":"fmt-%s@example.org"}}"""
			.formatted(marker, marker);
		String reordered = """
				{ "complainant" : { "email" : "fmt-%s@example.org" },
				  "description" : "fmt %s", "subcategory": null, "category" : "content" }""".formatted(marker, marker);

		ApiHttp.Reply first = http.post(CASES).token(token).header("Idempotency-Key", key).json(compact).send();
		ApiHttp.Reply second = http.post(CASES).token(token).header("Idempotency-Key", key).json(reordered).send();

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		assertThat(casesMentioning(marker)).isOne();
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefused() {
		String marker = unique();
		String key = "k-" + marker;
		Map<String, Object> request = ApiHttp.newCase("first " + marker, "idem-" + marker + "@example.org");
		assertThat(http.post(CASES).token(token).header("Idempotency-Key", key).json(request).send().status())
			.isEqualTo(201);

		request.put("description", "second " + marker);
		ApiHttp.Reply reply = http.post(CASES).token(token).header("Idempotency-Key", key).json(request).send();

		assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("code").asString()).isEqualTo("error.idempotency.mismatch");
		assertThat(reply.json().get("detail").asString()).isEqualTo("This Idempotency-Key was already used for a different request.");
		assertThat(casesMentioning(marker)).isOne();
	}

	@Test
	void keysBelongToOneToken() {
		String marker = unique();
		String other = tokens.create("other-" + marker, null).secret();
		Map<String, Object> request = ApiHttp.newCase("per token " + marker, "idem-" + marker + "@example.org");

		ApiHttp.Reply mine = http.post(CASES).token(token).header("Idempotency-Key", "shared").json(request).send();
		ApiHttp.Reply theirs = http.post(CASES).token(other).header("Idempotency-Key", "shared").json(request).send();

		assertThat(mine.status()).isEqualTo(201);
		assertThat(theirs.status()).isEqualTo(201);
		assertThat(theirs.json().get("number").asString()).isNotEqualTo(mine.json().get("number").asString());
	}

	@Test
	void aRefusedRequestDoesNotUseUpItsKey() {
		String marker = unique();
		String key = "fix-" + marker;
		Map<String, Object> request = ApiHttp.newCase("fixed " + marker, "not-an-email");
		assertThat(http.post(CASES).token(token).header("Idempotency-Key", key).json(request).send().status())
			.isEqualTo(400);

		ApiHttp.complainant(request).put("email", "fixed-" + marker + "@example.org");
		assertThat(http.post(CASES).token(token).header("Idempotency-Key", key).json(request).send().status())
			.isEqualTo(201);
	}

	@Test
	void sixteenRacingRequestsWithOneKeyOpenOneCase() throws Exception {
		String marker = unique();
		Map<String, Object> request = ApiHttp.newCase("race " + marker, "race-" + marker + "@example.org");
		String key = "race-" + marker;
		int clients = 16;
		CountDownLatch start = new CountDownLatch(1);
		List<Future<ApiHttp.Reply>> futures = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			for (int i = 0; i < clients; i++) {
				ApiHttp client = new ApiHttp(port);
				// an open connection per client, so that the requests really arrive together
				client.get("/api/v1/cases?size=1").token(token).send();
				futures.add(pool.submit(() -> {
					start.await();
					return client.post(CASES).token(token).header("Idempotency-Key", key).json(request).send();
				}));
			}
			start.countDown();
			List<ApiHttp.Reply> replies = new ArrayList<>();
			for (Future<ApiHttp.Reply> future : futures) {
				replies.add(future.get(60, TimeUnit.SECONDS));
			}

			assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 201));
			assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
			assertThat(replies).filteredOn(r -> r.status() == 200)
				.allSatisfy(r -> assertThat(r.headers().getFirst("Idempotent-Replayed")).isEqualTo("true"));
			assertThat(replies.stream().map(r -> r.json().get("number").asString()).distinct()).hasSize(1);
			assertThat(casesMentioning(marker)).isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aReplayAfterTheCaseWasClosedStillAnswersWithTheFirstMessage() {
		String marker = unique();
		String number = http.post(CASES)
			.token(token)
			.json(ApiHttp.newCase("closing " + marker, "close-" + marker + "@example.org"))
			.send()
			.json()
			.get("number")
			.asString();
		String path = CASES + "/" + number + "/messages";
		Map<String, Object> message = Map.of("body", "before closing " + marker);
		ApiHttp.Reply first = http.post(path).token(token).header("Idempotency-Key", "c-" + marker).json(message).send();

		long caseId = cases.find(number).orElseThrow().id();
		cases.changeStatus(caseId, CaseStatus.RESOLVED, Actor.SYSTEM);
		cases.changeStatus(caseId, CaseStatus.CLOSED, Actor.SYSTEM);
		ApiHttp.Reply replay = http.post(path).token(token).header("Idempotency-Key", "c-" + marker).json(message).send();
		ApiHttp.Reply fresh = http.post(path).token(token).header("Idempotency-Key", "d-" + marker).json(message).send();

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
		assertThat(replay.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(fresh.status()).as("a new message on a closed case").isEqualTo(409);
		assertThat(messagesMentioning("before closing " + marker)).isOne();
	}

	@Test
	void messagesAreWrittenOncePerKey() throws Exception {
		String marker = unique();
		String number = http.post(CASES)
			.token(token)
			.json(ApiHttp.newCase("messages " + marker, "msg-" + marker + "@example.org"))
			.send()
			.json()
			.get("number")
			.asString();
		String path = CASES + "/" + number + "/messages";
		Map<String, Object> message = Map.of("body", "again " + marker);

		ApiHttp.Reply first = http.post(path).token(token).header("Idempotency-Key", "m-" + marker).json(message).send();
		ApiHttp.Reply replay = http.post(path).token(token).header("Idempotency-Key", "m-" + marker).json(message).send();
		ApiHttp.Reply other = http.post(path)
			.token(token)
			.header("Idempotency-Key", "m-" + marker)
			.json(Map.of("body", "different " + marker))
			.send();

		assertThat(first.status()).isEqualTo(201);
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(other.status()).isEqualTo(422);
		assertThat(messagesMentioning("again " + marker)).isOne();

		// racing writes with one key store one message
		int clients = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<ApiHttp.Reply>> futures = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				ApiHttp client = new ApiHttp(port);
				// an open connection per client, so that the requests really arrive together
				client.get("/api/v1/cases?size=1").token(token).send();
				futures.add(pool.submit(() -> {
					start.await();
					return client.post(path).token(token).header("Idempotency-Key", "r-" + marker)
						.json(Map.of("body", "raced " + marker)).send();
				}));
			}
			start.countDown();
			List<Long> ids = new ArrayList<>();
			for (Future<ApiHttp.Reply> future : futures) {
				ApiHttp.Reply reply = future.get(60, TimeUnit.SECONDS);
				assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
				JsonNode body = reply.json();
				ids.add(body.get("id").asLong());
			}
			assertThat(ids.stream().distinct()).hasSize(1);
			assertThat(messagesMentioning("raced " + marker)).isOne();
		}
		finally {
			pool.shutdownNow();
		}
	}
}
