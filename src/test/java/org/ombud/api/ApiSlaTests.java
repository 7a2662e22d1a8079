package org.ombud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.ApiTokens;
import org.ombud.sla.SlaFixtures;
import org.ombud.sla.SlaPolicies;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** A case read through the API lists its SLA clocks and its breaches; the OpenAPI document describes them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiSlaTests {

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Categories categories;

	@Autowired
	AgentDirectory directory;

	@Autowired
	SlaPolicies policies;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	JsonNode read(ApiHttp http, String token, String number) {
		ApiHttp.Reply reply = http.get("/api/v1/cases/" + number).token(token).send();
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	static JsonNode clock(JsonNode caseJson, String stage) {
		for (JsonNode c : caseJson.get("clocks")) {
			if (stage.equals(c.get("stage").asString())) {
				return c;
			}
		}
		throw new AssertionError("no " + stage + " clock in " + caseJson.get("clocks"));
	}

	@Test
	void aCaseListsItsClocksWithTargetsAndTimesAndThenItsBreach() {
		ApiHttp http = new ApiHttp(port);
		String token = tokens.create("sla-" + SlaFixtures.unique("t"), null).secret();
		Category category = SlaFixtures.category(categories, SlaFixtures.team(directory));
		policies.create(SlaFixtures.policy(category, null, 30, 120, 24 * 60, false));
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("category", category.key());
		request.put("description", "The clock should run");
		request.put("complainant", Map.of("email", SlaFixtures.unique("api") + "@example.org"));
		ApiHttp.Reply opened = http.post("/api/v1/cases").token(token).json(request).send();
		assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
		String number = opened.json().get("number").asString();
		assertThat(opened.json().get("clocks").size()).isEqualTo(3);

		JsonNode fresh = read(http, token, number);
		JsonNode triage = clock(fresh, "TRIAGE");
		assertThat(triage.get("state").asString()).isEqualTo("RUNNING");
		assertThat(triage.get("target").asString()).isEqualTo("PT30M");
		Instant started = Instant.parse(triage.get("startedAt").asString());
		Instant due = Instant.parse(triage.get("dueAt").asString());
		assertThat(Duration.between(started, due)).isEqualTo(Duration.ofMinutes(30));
		assertThat(Duration.between(started, Instant.parse(triage.get("warnAt").asString())))
			.isEqualTo(Duration.ofSeconds(30 * 60 * 3 / 4));
		assertThat(clock(fresh, "RESULT").get("target").asString()).isEqualTo("PT24H");
		assertThat(clock(fresh, "ACKNOWLEDGEMENT").get("state").asString()).isEqualTo("MET");
		assertThat(fresh.get("breaches").size()).isZero();

		clock.set(due.plusMillis(5));
		SlaFixtures.await(Duration.ofSeconds(3), () -> read(http, token, number).get("breaches").size() == 1);
		JsonNode late = read(http, token, number);
		JsonNode breach = late.get("breaches").get(0);
		assertThat(breach.get("stage").asString()).isEqualTo("TRIAGE");
		assertThat(Instant.parse(breach.get("dueAt").asString())).isEqualTo(due);
		assertThat(Instant.parse(breach.get("detectedAt").asString())).isAfterOrEqualTo(due);
		assertThat(clock(late, "TRIAGE").get("state").asString()).isEqualTo("BREACHED");
	}

	@Test
	void theOpenApiDocumentDescribesClocksAndBreaches() {
		JsonNode doc = new ApiHttp(port).get("/v3/api-docs").send().json();
		JsonNode schemas = doc.get("components").get("schemas");
		assertThat(schemas.get("Case").get("properties").propertyNames()).contains("clocks", "breaches");
		assertThat(schemas.get("SlaClock").get("properties").propertyNames()).contains("stage", "state", "target",
				"startedAt", "warnAt", "dueAt");
		assertThat(schemas.get("SlaClock").get("properties").get("target").get("format").asString()).isEqualTo("duration");
		assertThat(schemas.get("SlaBreach").get("properties").propertyNames()).contains("stage", "dueAt", "detectedAt");
	}
}
