package org.ombud.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ombud.channels.ChannelAdapter;
import org.ombud.channels.Delivery;
import org.ombud.channels.OutboundMessage;

/**
 * A minimal Bot-API adapter for the benchmark (the Telegram adapter is built on another branch): one
 * {@code sendMessage} per message, the answer read the way Telegram gives it.
 */
final class BotApiAdapter implements ChannelAdapter {

	static final String CHANNEL = "benchbot";

	private static final Pattern MESSAGE_ID = Pattern.compile("\"message_id\"\\s*:\\s*(\\d+)");

	private static final Pattern RETRY_AFTER = Pattern.compile("\"retry_after\"\\s*:\\s*(\\d+)");

	private final String baseUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	BotApiAdapter(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	@Override
	public String channel() {
		return CHANNEL;
	}

	@Override
	public Limits limits() {
		return new Limits(Duration.ofSeconds(1), 30);
	}

	@Override
	public Delivery send(OutboundMessage message) {
		String json = "{\"chat_id\":\"" + message.chatId() + "\",\"text\":\"" + message.text() + "\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/bot" + message.endpointKey() + "/sendMessage"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response;
		try {
			response = http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (ConnectException e) {
			return new Delivery.Failed("could not connect", false);
		}
		catch (IOException e) {
			throw new IllegalStateException("unclear: " + e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted");
		}
		if (response.statusCode() == 200) {
			Matcher id = MESSAGE_ID.matcher(response.body());
			return new Delivery.Sent(id.find() ? List.of(id.group(1)) : List.of());
		}
		if (response.statusCode() == 429) {
			Matcher retry = RETRY_AFTER.matcher(response.body());
			return new Delivery.RetryAfter(Duration.ofSeconds(retry.find() ? Long.parseLong(retry.group(1)) : 1));
		}
		return new Delivery.Failed("HTTP " + response.statusCode(), response.statusCode() < 500);
	}
}
