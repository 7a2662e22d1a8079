package org.ombud.telegram.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Telegram Bot API over HTTP: {@code POST <api-url>/bot<token>/<method>} with a JSON body, files from
 * {@code <api-url>/file/bot<token>/<path>}. Plain {@link RestClient} on the JDK's HTTP client rather than the
 * telegrambots library: that library's models are Jackson 2 and its client OkHttp, while Ombud is on Jackson 3
 * and needs little of the API; here every answer (also 429 with {@code parameters.retry_after}) is read the
 * same way and each call has its own timeout. The token is part of every address, so no address and no
 * transport message (which names the address) ever leaves this class: failures are {@link Unreachable}.
 */
@Component
public class BotApi {

	/** A JSON answer of the Bot API, successful or not. */
	public record Answer(int status, boolean ok, JsonNode result, String description, Integer retryAfter) {

		public boolean is(int code) {
			return status == code;
		}
	}

	/**
	 * No answer from the Bot API. {@code maybeReceived}: the request went out and the answer did not come (a
	 * read timeout, a connection lost), so Telegram may have acted on it; false when it never got there.
	 */
	public static final class Unreachable extends RuntimeException {

		private final boolean maybeReceived;

		Unreachable(String method, boolean maybeReceived, Throwable cause) {
			super("Telegram Bot API " + method + ": " + (maybeReceived ? "no answer" : "not reachable") + " ("
					+ cause.getClass().getSimpleName() + ")", null, false, false);
			this.maybeReceived = maybeReceived;
		}

		public boolean maybeReceived() {
			return maybeReceived;
		}
	}

	private final String baseUrl;

	private final RestClient client;

	private final RestClient pollClient;

	private final JsonMapper json = JsonMapper.builder().build();

	BotApi(TelegramProperties properties) {
		this.baseUrl = properties.apiUrl();
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			// HTTP/1.1: no h2c upgrade dance with proxies in between; Telegram answers both
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		JdkClientHttpRequestFactory calls = new JdkClientHttpRequestFactory(http);
		calls.setReadTimeout(properties.readTimeout());
		JdkClientHttpRequestFactory polls = new JdkClientHttpRequestFactory(http);
		// a long poll waits up to its timeout on Telegram's side, then the answer still has to travel
		polls.setReadTimeout(properties.pollTimeout().plus(properties.readTimeout()));
		this.client = RestClient.builder().requestFactory(calls).build();
		this.pollClient = RestClient.builder().requestFactory(polls).build();
	}

	/** Calls one method; every answer with a JSON body is returned, only a missing answer throws. */
	public Answer call(String token, String method, Map<String, ?> parameters) {
		return call(client, token, method, parameters);
	}

	/** {@code getUpdates}, waiting up to {@code timeout} on Telegram's side. */
	public Answer getUpdates(String token, long offset, Duration timeout, java.util.List<String> allowedUpdates) {
		Map<String, Object> parameters = new java.util.LinkedHashMap<>();
		if (offset > 0) {
			parameters.put("offset", offset);
		}
		parameters.put("timeout", timeout.toSeconds());
		parameters.put("allowed_updates", allowedUpdates);
		return call(pollClient, token, "getUpdates", parameters);
	}

	/**
	 * The bytes of a file (from {@code getFile}'s {@code file_path}); null when it is larger than {@code maxBytes}
	 * (read no further than that).
	 */
	public byte[] download(String token, String filePath, long maxBytes) {
		try {
			return client.get()
				.uri(URI.create(baseUrl + "/file/bot" + token + "/" + filePath))
				.exchange((request, response) -> {
					if (!response.getStatusCode().is2xxSuccessful()) {
						throw new IOException("HTTP " + response.getStatusCode().value());
					}
					try (InputStream in = response.getBody()) {
						byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
						return bytes.length > maxBytes ? null : bytes;
					}
				}, true);
		}
		catch (ResourceAccessException e) {
			throw new Unreachable("file", false, e.getCause() == null ? e : e.getCause());
		}
		catch (RuntimeException e) {
			if (e.getCause() instanceof IOException io) {
				throw new Unreachable("file", false, io);
			}
			throw new Unreachable("file", false, e);
		}
	}

	private Answer call(RestClient client, String token, String method, Map<String, ?> parameters) {
		String body = json.writeValueAsString(parameters == null ? Map.of() : parameters);
		try {
			return client.post()
				.uri(URI.create(baseUrl + "/bot" + token + "/" + method))
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					byte[] bytes;
					try (InputStream in = response.getBody()) {
						bytes = in.readAllBytes();
					}
					return answer(status, bytes);
				}, true);
		}
		catch (ResourceAccessException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			throw new Unreachable(method, !neverSent(cause), cause);
		}
	}

	private Answer answer(int status, byte[] bytes) {
		try {
			JsonNode node = json.readTree(bytes);
			JsonNode retry = node.path("parameters").path("retry_after");
			return new Answer(status, node.path("ok").asBoolean(false), node.get("result"),
					node.hasNonNull("description") ? node.get("description").asString() : null,
					retry.isNumber() ? retry.asInt() : null);
		}
		catch (JacksonException e) {
			// a proxy's HTML error page, an empty body: the status alone tells what happened
			return new Answer(status, false, null, "HTTP " + status, null);
		}
	}

	/** Whether the request can be known not to have reached the server. */
	static boolean neverSent(Throwable cause) {
		return cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
				|| cause instanceof UnresolvedAddressException || cause instanceof java.net.UnknownHostException
				|| cause.getCause() instanceof ConnectException;
	}
}
