package org.ombud.telegram.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.ombud.shared.Tokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telegram's webhook for one bot. The secret Telegram echoes in {@code X-Telegram-Bot-Api-Secret-Token} is
 * compared in constant time with the bot's; missing → 401, wrong (or no such bot) → 403, and nothing is read or
 * stored. A 200 is answered only after the update's transaction committed (or the update was taken before), so
 * an update that got a 200 is never lost, and Telegram's redelivery of one that did not changes nothing twice.
 */
@RestController
class TelegramWebhookController {

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	/** Telegram's updates are a few kilobytes; anything far larger is not Telegram. */
	static final int MAX_BODY = 1024 * 1024;

	private static final byte[] NO_SECRET = Tokens.sha256(Tokens.random(32)).getBytes(StandardCharsets.UTF_8);

	private final BotRegistry registry;

	private final UpdateReceiver receiver;

	private final JsonMapper json = JsonMapper.builder().build();

	TelegramWebhookController(BotRegistry registry, UpdateReceiver receiver) {
		this.registry = registry;
		this.receiver = receiver;
	}

	@PostMapping("/telegram/webhook/{botKey}")
	ResponseEntity<Void> update(@PathVariable String botKey,
			@RequestHeader(name = SECRET_HEADER, required = false) String secret, HttpServletRequest request)
			throws IOException {
		if (secret == null || secret.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		Optional<BotStore.BotRow> bot = registry.bot(botKey);
		byte[] expected = bot.map(b -> Tokens.sha256(b.webhookSecret()).getBytes(StandardCharsets.UTF_8)).orElse(NO_SECRET);
		// equal-length digests: the comparison takes the same time wherever the first difference is
		boolean matches = MessageDigest.isEqual(expected, Tokens.sha256(secret).getBytes(StandardCharsets.UTF_8));
		if (bot.isEmpty() || !matches) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		JsonNode node;
		try {
			node = json.readTree(body);
		}
		catch (JacksonException e) {
			return ResponseEntity.badRequest().build();
		}
		return receiver.receive(botKey, node) == null ? ResponseEntity.badRequest().build() : ResponseEntity.ok().build();
	}
}
