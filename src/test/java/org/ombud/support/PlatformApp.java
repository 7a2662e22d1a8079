package org.ombud.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

/** The platform's app: opens cases and writes on them over the REST API, with a bearer token. */
public final class PlatformApp implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String token;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	public PlatformApp(String base, String token) {
		this.base = base;
		this.token = token;
	}

	/** Opens a case; answers its number. */
	public String openCase(String category, String description) {
		String email = "live-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Map<String, Object> request = Map.of("category", category, "description", description, "complainant",
				Map.of("name", "Live Tester", "email", email, "locale", "en"));
		return JSON.readTree(post("/api/v1/cases", request, 201)).get("number").asString();
	}

	public void write(String number, String body) {
		post("/api/v1/cases/" + number + "/messages", Map.of("body", body), 201);
	}

	private String post(String path, Object body, int expected) {
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
			return answer.body();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		http.shutdownNow();
	}
}
