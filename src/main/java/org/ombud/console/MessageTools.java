package org.ombud.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ombud.cases.CaseView;
import org.ombud.cases.TimelineEntry;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.conversations.MessageDelivery;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentPreferences;
import org.ombud.identity.OutboundDefaults;
import org.ombud.trackers.Trackers;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the case page shows around messages on a channel: each outbound message's delivery (sending, delivered,
 * failed and why, with a retry), the tools on each client message (a new case from it, send it to a tracker),
 * and the reply form's options (no link previews, no "typing…", answer a chosen client message).
 */
@Component
class MessageTools {

	private final Conversations conversations;

	private final MessageDeliveries deliveries;

	private final AgentPreferences preferences;

	private final Trackers trackers;

	private final ConsoleFormat format;

	MessageTools(Conversations conversations, MessageDeliveries deliveries, AgentPreferences preferences,
			Trackers trackers, ConsoleFormat format) {
		this.conversations = conversations;
		this.deliveries = deliveries;
		this.preferences = preferences;
		this.trackers = trackers;
		this.format = format;
	}

	/** One outbound message's delivery as the timeline shows it; {@code reason} already in the agent's words. */
	record DeliveryBadge(long messageId, String state, String reason) {

		public boolean failed() {
			return MessageDelivery.FAILED.equals(state);
		}
	}

	/** A client message a reply may answer on the channel. */
	record ReplyTarget(long messageId, String label) {
	}

	void fill(Model model, CaseView c, List<TimelineEntry> entries, Locale locale) {
		Conversation conversation = conversations.conversation(c.conversationId()).orElseThrow();
		Map<Long, MessageDelivery> byMessage = deliveries.deliveries(c.conversationId());
		Map<Long, DeliveryBadge> badges = new HashMap<>();
		Map<Long, Long> clientMessages = new HashMap<>();
		for (TimelineEntry e : entries) {
			Message m = e.message();
			if (m == null || e.kind() == TimelineEntry.Kind.EVIDENCE) {
				continue;
			}
			if (m.kind() == MessageKind.INBOUND) {
				clientMessages.put(e.id(), m.id());
			}
			MessageDelivery d = byMessage.get(m.id());
			if (m.kind() == MessageKind.OUTBOUND && d != null) {
				badges.put(e.id(), new DeliveryBadge(m.id(), d.state(), reason(d.error(), locale)));
			}
		}
		List<ReplyTarget> targets = new ArrayList<>();
		if (conversation.deliveredOnChannel()) {
			// client messages carry the channel's id (the intake stores it); only those can be answered there
			for (Message m : conversations.messages(c.conversationId())) {
				MessageDelivery d = byMessage.get(m.id());
				if (m.kind() == MessageKind.INBOUND && d != null && d.externalId() != null) {
					targets.add(new ReplyTarget(m.id(), format.time(m.createdAt()) + " · " + excerpt(m.body())));
				}
			}
		}
		Agent me = (Agent) model.getAttribute("me");
		model.addAttribute("deliveries", badges);
		model.addAttribute("clientMessages", clientMessages);
		model.addAttribute("onChannel", conversation.deliveredOnChannel());
		model.addAttribute("replyTargets", targets);
		model.addAttribute("outboundDefaults",
				me == null ? OutboundDefaults.NONE : preferences.outboundDefaults(me.id()));
		model.addAttribute("trackers", trackers.activeTrackers());
	}

	/** Our own reasons are message keys; a channel's reason is shown as the channel gave it. */
	String reason(String error, Locale locale) {
		if (error == null) {
			return null;
		}
		if (error.startsWith("outbox.")) {
			return format.message(error.replace("outbox.", "outbox.reason."), locale);
		}
		return error;
	}

	static String excerpt(String body) {
		String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
		return line.length() > 60 ? line.substring(0, 59) + "…" : line;
	}
}
