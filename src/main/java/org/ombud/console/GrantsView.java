package org.ombud.console;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.ombud.conversations.Access;
import org.ombud.conversations.Grant;
import org.ombud.shared.Languages;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The "shared with" box of a chat and of a case page: who was given the conversation, by whom, until when, and
 * the form to share it with a colleague, for those whose role grants.
 */
@Component
class GrantsView {

	/** One grant as the box lists it; {@code state} is {@code active}, {@code expired} or {@code revoked}. */
	record Line(long id, String grantee, String grantedBy, String grantedAt, String until, String note, String state) {

		public boolean active() {
			return "active".equals(state);
		}
	}

	private final Access access;

	private final Names names;

	private final ConsoleFormat format;

	private final java.time.Clock clock;

	private final Visible visible;

	GrantsView(Access access, Names names, ConsoleFormat format, java.time.Clock clock, Visible visible) {
		this.access = access;
		this.names = names;
		this.format = format;
		this.clock = clock;
		this.visible = visible;
	}

	void fill(Model model, long conversationId, Locale locale) {
		Names.Snapshot snapshot = names.snapshot(Languages.of(locale));
		Instant now = clock.instant();
		List<Line> lines = access.grants(conversationId)
			.stream()
			.map(g -> new Line(g.id(), snapshot.agent(g.granteeId()), snapshot.agent(g.grantedBy()),
					format.time(g.grantedAt()), g.expiresAt() == null ? "" : format.time(g.expiresAt()), g.note(),
					state(g, now)))
			.toList();
		long me = visible.me().agentId();
		model.addAttribute("grantConversationId", conversationId);
		model.addAttribute("grantLines", lines);
		model.addAttribute("mayGrant", visible.me().role().grants());
		model.addAttribute("grantColleagues", snapshot.activeAgents()
			.stream()
			.filter(a -> a.role().works() && a.id() != me)
			.toList());
		model.addAttribute("grantZone", format.zone());
	}

	private static String state(Grant grant, Instant now) {
		if (grant.revokedAt() != null) {
			return "revoked";
		}
		return grant.activeAt(now) ? "active" : "expired";
	}
}
