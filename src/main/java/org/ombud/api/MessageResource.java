package org.ombud.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ombud.conversations.Message;

/** A public message on a case: from the complainant (inbound) or to them (outbound). */
@Schema(name = "Message", description = "A public message on a case.")
record MessageResource(
		@Schema(example = "4711") long id,
		@Schema(description = "inbound: from the complainant; outbound: a reply to them.",
				allowableValues = { "inbound", "outbound" }) String direction,
		@Schema(description = "The text exactly as written.", example = "Игрок оскорбляет в чате") String body,
		Instant createdAt) {

	static MessageResource of(Message message) {
		return new MessageResource(message.id(), message.kind().name().toLowerCase(java.util.Locale.ROOT),
				message.body(), message.createdAt());
	}
}
