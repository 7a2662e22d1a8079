package org.ombud.telegram.internal;

import java.util.ArrayList;
import java.util.List;

import org.ombud.cases.CaseEvents.CaseStatusChanged;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.channels.OutboundMessage.Button;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.shared.Languages;
import org.ombud.telegram.TelegramBots;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a Telegram case is resolved, the person is told (after the agent's reply with the result, which the
 * outbox sends first, in order) and asked to rate the service with buttons 1–5. Queued in the transaction that
 * resolved the case.
 */
@Component
class ResolutionNotices {

	private final CaseManagement cases;

	private final Conversations conversations;

	private final Replies replies;

	ResolutionNotices(CaseManagement cases, Conversations conversations, Replies replies) {
		this.cases = cases;
		this.conversations = conversations;
		this.replies = replies;
	}

	@EventListener
	void on(CaseStatusChanged changed) {
		if (!CaseStatus.RESOLVED.name().equals(changed.to())) {
			return;
		}
		CaseView view = cases.get(changed.caseId()).orElse(null);
		if (view == null || !TelegramBots.CHANNEL.equals(view.channel())) {
			return;
		}
		Conversation conversation = conversations.conversation(view.conversationId())
			.filter(c -> TelegramBots.CHANNEL.equals(c.channel()) && c.deliveredOnChannel())
			.orElse(null);
		if (conversation == null || conversation.organisationId() != null) {
			return;
		}
		String language = Languages.of(view.locale());
		List<Button> stars = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			stars.add(new Button(i + " ★", "rate:" + view.id() + ":" + i));
		}
		replies.send(conversation.endpointKey(), conversation.externalChatId(),
				replies.text(language, "telegram.bot.resolved", view.number()), null, List.of(stars));
	}
}
