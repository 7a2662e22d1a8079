package org.ombud.console;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.ombud.conversations.Access;
import org.ombud.identity.AgentPrincipal;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sharing a chat (and its cases) with a colleague, e.g. with a task, until a time or until revoked, and revoking
 * it. Both are plain form posts that go back to the page they came from; a refusal changes nothing and says why.
 */
@Controller
class GrantsController {

	private final Access access;

	private final ConsoleFormat format;

	private final Visible visible;

	GrantsController(Access access, ConsoleFormat format, Visible visible) {
		this.access = access;
		this.format = format;
		this.visible = visible;
	}

	/** {@code expires} is a local date and time in the desk's zone ({@code 2026-11-23T18:00}), empty for none. */
	@PostMapping("/console/chats/{id}/grants")
	String grant(@PathVariable String id, @RequestParam(required = false) String grantee,
			@RequestParam(required = false) String expires, @RequestParam(required = false) String note,
			@AuthenticationPrincipal AgentPrincipal me,
			@RequestHeader(value = "Referer", required = false) String referer) {
		long conversationId = mayShare(id);
		Long granteeId = CaseController.id(grantee);
		if (granteeId == null) {
			throw Rejected.of("grantee", "error.grant.grantee");
		}
		access.grant(conversationId, granteeId, expiry(expires), note, me.agentId());
		return "redirect:" + LoginController.back(referer);
	}

	@PostMapping("/console/chats/{id}/grants/{grantId}/revoke")
	String revoke(@PathVariable String id, @PathVariable String grantId, @AuthenticationPrincipal AgentPrincipal me,
			@RequestHeader(value = "Referer", required = false) String referer) {
		long conversationId = mayShare(id);
		Long grant = CaseController.id(grantId);
		if (grant == null || access.grants(conversationId).stream().noneMatch(g -> g.id() == grant)) {
			throw new NotFound("grant");
		}
		access.revoke(grant, me.agentId());
		return "redirect:" + LoginController.back(referer);
	}

	private java.time.Instant expiry(String expires) {
		if (expires == null || expires.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(expires.strip()).atZone(ZoneId.of(format.zone())).toInstant();
		}
		catch (DateTimeParseException e) {
			throw Rejected.of("expires", "error.grant.expiryFormat");
		}
	}

	/**
	 * The conversation, if the agent sees it (404 otherwise, like one that does not exist) and their role shares
	 * chats (403 otherwise).
	 */
	private long mayShare(String id) {
		Long conversationId = CaseController.id(id);
		if (conversationId == null || !visible.seesConversation(conversationId)) {
			throw new NotFound("conversation");
		}
		if (!visible.me().role().grants()) {
			throw new AccessDeniedException("This role does not share chats");
		}
		return conversationId;
	}
}
