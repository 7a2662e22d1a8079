package org.ombud.trackers.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.ombud.channels.ChannelAdapter;
import org.ombud.channels.Delivery;
import org.ombud.channels.OutboundMessage;
import org.ombud.trackers.Tracker;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers tracker tasks: one POST of the queued JSON body to the tracker's URL, signed (see {@link Signatures}).
 * The endpoint key is {@code tracker-<id>}; the URL and secret are read at send time, so a changed secret
 * applies to tasks still queued. Neither the secret nor the URL (which may hold a token, as Bitrix24's do) is
 * ever logged.
 */
@Component
public class WebhookChannel implements ChannelAdapter {

	public static final String CHANNEL = "webhook";

	private static final String PREFIX = "tracker-";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TrackerStore trackers;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	WebhookChannel(TrackerStore trackers, Clock clock) {
		this.trackers = trackers;
		this.clock = clock;
	}

	public static String endpointKey(long trackerId) {
		return PREFIX + trackerId;
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public Limits limits() {
		return new Limits(Duration.ZERO, 5);
	}

	@Override
	public Delivery send(OutboundMessage message) {
		Optional<Tracker> tracker = trackerId(message.endpointKey()).flatMap(trackers::byId);
		Optional<String> secret = tracker.flatMap(t -> trackers.secret(t.id()));
		if (tracker.isEmpty() || secret.isEmpty()) {
			return new Delivery.Failed("tracker removed", true);
		}
		if (!tracker.get().active()) {
			return new Delivery.Failed("tracker switched off", true);
		}
		long timestamp = clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(tracker.get().url()))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json; charset=utf-8")
			.header("User-Agent", "Ombud")
			.header(Signatures.TIMESTAMP_HEADER, Long.toString(timestamp))
			.header(Signatures.SIGNATURE_HEADER, Signatures.sign(secret.get(), timestamp, message.text()))
			.header("Idempotency-Key", "ombud-" + message.deliveryId())
			.POST(HttpRequest.BodyPublishers.ofString(message.text(), StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpConnectTimeoutException | ConnectException e) {
			// no connection was made: the tracker surely has nothing
			return new Delivery.Failed("could not connect", false);
		}
		catch (IOException e) {
			// the request may have arrived: unclear, the outbox does not send it again by itself
			throw new IllegalStateException("tracker request failed: " + e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted");
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new Delivery.Sent(externalId(response.body()).map(List::of).orElse(List.of()));
		}
		if (status == 429) {
			return new Delivery.RetryAfter(retryAfter(response).orElse(Duration.ofSeconds(30)), true);
		}
		if (status == 504) {
			// a gateway gave up waiting: the tracker may have made the task
			throw new IllegalStateException("tracker answered 504");
		}
		if (status >= 500 || status == 408) {
			return new Delivery.Failed("HTTP " + status, false);
		}
		return new Delivery.Failed("HTTP " + status, true);
	}

	private static Optional<Long> trackerId(String endpointKey) {
		if (endpointKey == null || !endpointKey.startsWith(PREFIX)) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(endpointKey.substring(PREFIX.length())));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private static Optional<Duration> retryAfter(HttpResponse<String> response) {
		try {
			return response.headers().firstValue("Retry-After").map(v -> Duration.ofSeconds(Math.max(1, Long.parseLong(v.trim()))));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	/** Jira's issue key, Bitrix24's task id, or a generic {@code id}, when the answer has one. */
	static Optional<String> externalId(String body) {
		if (body == null || body.isBlank()) {
			return Optional.empty();
		}
		try {
			JsonNode json = JSON.readTree(body);
			for (String path : List.of("/key", "/result/task/id", "/id")) {
				JsonNode node = json.at(path);
				if (!node.isMissingNode() && !node.isNull() && (node.isString() || node.isNumber())) {
					String value = node.asString();
					return value.length() > 100 ? Optional.empty() : Optional.of(value);
				}
			}
			return Optional.empty();
		}
		catch (RuntimeException e) {
			return Optional.empty();
		}
	}
}
