package org.ombud.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running test server: every answer is returned as it came, errors included. */
final class ApiHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient client;

	ApiHttp(int port) {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(new JdkClientHttpRequestFactory(http))
			.build();
	}

	/** A response: status, headers and the body as text (and as JSON on demand). */
	record Reply(int status, HttpHeaders headers, String body) {

		JsonNode json() {
			return JSON.readTree(body);
		}

		String contentType() {
			return headers.getFirst(HttpHeaders.CONTENT_TYPE);
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}

	/** A request under construction. */
	final class Call {

		private final HttpMethod method;

		private final String path;

		private final HttpHeaders headers = new HttpHeaders();

		private byte[] body;

		Call(HttpMethod method, String path) {
			this.method = method;
			this.path = path;
		}

		Call token(String token) {
			headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			return this;
		}

		Call header(String name, String value) {
			headers.set(name, value);
			return this;
		}

		Call json(Object value) {
			return raw("application/json", value instanceof String s ? s : JSON.writeValueAsString(value));
		}

		Call raw(String contentType, String text) {
			return raw(contentType, text.getBytes(StandardCharsets.UTF_8));
		}

		Call raw(String contentType, byte[] bytes) {
			if (contentType != null) {
				headers.set(HttpHeaders.CONTENT_TYPE, contentType);
			}
			body = bytes;
			return this;
		}

		Reply send() {
			RestClient.RequestBodySpec spec = client.method(method).uri(path).headers(h -> h.addAll(headers));
			if (body != null) {
				spec.body(body);
			}
			return spec.exchange((request, response) -> {
				try {
					return new Reply(response.getStatusCode().value(), response.getHeaders(),
							new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
	}

	Call get(String path) {
		return new Call(HttpMethod.GET, path);
	}

	Call post(String path) {
		return new Call(HttpMethod.POST, path);
	}

	Call call(HttpMethod method, String path) {
		return new Call(method, path);
	}

	/** A valid new-case request; tests change what they need. */
	static Map<String, Object> newCase(String description, String email) {
		Map<String, Object> complainant = new LinkedHashMap<>();
		complainant.put("name", "Ирина 王");
		complainant.put("email", email);
		complainant.put("phone", null);
		complainant.put("platformUserId", "u-" + email.hashCode());
		complainant.put("locale", "ru");
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("category", "content");
		request.put("subcategory", "games");
		request.put("description", description);
		request.put("reportedObject", "https://social.example/games/room/42");
		request.put("priority", "NORMAL");
		request.put("complainant", complainant);
		request.put("evidence", List.of());
		return request;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> complainant(Map<String, Object> request) {
		return (Map<String, Object>) request.get("complainant");
	}
}
