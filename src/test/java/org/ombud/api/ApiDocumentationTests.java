package org.ombud.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes every operation, the bearer scheme, examples and the problem answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationTests {

	@LocalServerPort
	int port;

	@Test
	void theOpenApiDocumentListsTheOperationsAndTheBearerScheme() {
		ApiHttp.Reply reply = new ApiHttp(port).get("/v3/api-docs").send();

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode doc = reply.json();
		assertThat(doc.get("openapi").asString()).startsWith("3.");
		assertThat(doc.get("info").get("title").asString()).isEqualTo("Ombud API");

		JsonNode bearer = doc.get("components").get("securitySchemes").get("bearer");
		assertThat(bearer.get("type").asString()).isEqualTo("http");
		assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");

		JsonNode paths = doc.get("paths");
		assertThat(paths.propertyNames()).containsExactlyInAnyOrder("/api/v1/cases", "/api/v1/cases/{number}",
				"/api/v1/cases/{number}/messages");
		assertThat(paths.get("/api/v1/cases").propertyNames()).containsExactlyInAnyOrder("get", "post");
		assertThat(paths.get("/api/v1/cases/{number}").propertyNames()).containsExactly("get");
		assertThat(paths.get("/api/v1/cases/{number}/messages").propertyNames()).containsExactly("post");

		JsonNode open = paths.get("/api/v1/cases").get("post");
		assertThat(open.get("operationId").asString()).isEqualTo("openCase");
		assertThat(open.get("description").asString()).contains("Idempotency-Key");
		assertThat(open.get("security").get(0).has("bearer")).isTrue();
		assertThat(open.get("requestBody").get("content").get("application/json").get("examples").get("complaint")
			.get("value").toString()).contains("contentBase64");
		assertThat(open.get("responses").propertyNames()).contains("200", "201", "400", "401", "413", "415", "422");
		assertThat(open.get("responses").get("201").get("content").get("application/json").get("examples")
			.get("opened").get("value").toString()).contains("statusUrl");
		assertThat(open.get("responses").get("400").get("content").has("application/problem+json")).isTrue();
		assertThat(open.get("parameters").toString()).contains("Idempotency-Key");

		for (String path : new String[] { "/api/v1/cases", "/api/v1/cases/{number}", "/api/v1/cases/{number}/messages" }) {
			paths.get(path).forEach(operation -> {
				assertThat(operation.get("summary").asString()).isNotBlank();
				assertThat(operation.get("responses").has("401")).isTrue();
				assertThat(operation.get("security").get(0).has("bearer")).isTrue();
			});
		}
		assertThat(paths.get("/api/v1/cases").get("get").get("parameters").toString()).contains("status", "category",
				"team", "assignee", "\"q\"", "page", "size");
		assertThat(paths.get("/api/v1/cases").get("get").get("parameters").toString()).doesNotContain("client");

		JsonNode schemas = doc.get("components").get("schemas");
		assertThat(schemas.propertyNames()).contains("NewCase", "Complainant", "EvidenceUpload", "Case", "Message",
				"Evidence", "CaseList", "CaseSummary", "NewMessage", "Problem", "FieldError");
		assertThat(schemas.get("NewCase").get("properties").propertyNames()).containsExactlyInAnyOrder("category",
				"subcategory", "description", "reportedObject", "priority", "complainant", "evidence");
		assertThat(doc.get("components").get("responses").get("Unauthorized")).isNotNull();
	}

	@Test
	void swaggerUiIsServed() {
		ApiHttp.Reply reply = new ApiHttp(port).get("/swagger-ui/index.html").send();
		assertThat(reply.status()).isEqualTo(200);
	}
}
