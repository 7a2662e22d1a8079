package org.ombud.console;

import org.ombud.conversations.OutboundOptions;
import org.ombud.shared.Rejected;

/** The reply form's outbound options as the browser sent them. */
final class ReplyOptions {

	private ReplyOptions() {
	}

	static OutboundOptions parse(String options, String noLinkPreview, String noTyping, String replyTo) {
		Long replyToId = null;
		if (replyTo != null && !replyTo.isBlank()) {
			replyToId = CaseController.id(replyTo);
			if (replyToId == null) {
				throw Rejected.of("replyTo", "error.reply-to.unknown");
			}
		}
		if (options == null) {
			return new OutboundOptions(replyToId, null, null);
		}
		return new OutboundOptions(replyToId, checked(noLinkPreview), checked(noTyping));
	}

	private static boolean checked(String value) {
		return value != null && !value.isEmpty() && !"false".equals(value);
	}
}
