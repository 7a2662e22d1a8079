package org.ombud.telegram.internal;

import static org.ombud.telegram.internal.UpdateApplier.APPLIED;
import static org.ombud.telegram.internal.UpdateApplier.IGNORED;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.EvidencePolicy;
import org.ombud.cases.OpenCase;
import org.ombud.cases.OpenedCase;
import org.ombud.channels.OutboundMessage.Button;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageEdit;
import org.ombud.conversations.MessageKind;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.shared.Actor;
import org.ombud.shared.Languages;
import org.ombud.shared.Rejection;
import org.ombud.telegram.TelegramBots;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A person writing to a bot in a private chat. Whoever simply writes gets a case at once (category: the default,
 * "other") and its number in their Telegram language; later messages join that case until it is closed.
 * {@code /start} shows the self-service menu: help articles by topic, "this helped" (counted), "talk to a
 * person" (a case in the topic's category). Files come as evidence; what is refused is noted on the timeline
 * and told to the person. A resolved case's rating buttons land here too.
 */
@Component
class PrivateChats {

	/** The identity of a Telegram user: their numeric user id. */
	static final String IDENTITY = TelegramBots.CHANNEL;

	private final Contacts contacts;

	private final Conversations conversations;

	private final CaseManagement cases;

	private final EvidencePolicy evidencePolicy;

	private final BotStore store;

	private final Replies replies;

	private final MessageSource messages;

	private final LiveBus live;

	private final MeterRegistry meters;

	private final String defaultCategory;

	private final String publicUrl;

	PrivateChats(Contacts contacts, Conversations conversations, CaseManagement cases, EvidencePolicy evidencePolicy,
			BotStore store, Replies replies, MessageSource messages, LiveBus live, MeterRegistry meters,
			@Value("${ombud.telegram.default-category:other}") String defaultCategory,
			@Value("${ombud.public-url}") String publicUrl) {
		this.contacts = contacts;
		this.conversations = conversations;
		this.cases = cases;
		this.evidencePolicy = evidencePolicy;
		this.store = store;
		this.replies = replies;
		this.messages = messages;
		this.live = live;
		this.meters = meters;
		this.defaultCategory = defaultCategory;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	String message(String botKey, Updates.Message m, Attachment attachment) {
		Updates.User from = m.from();
		if (from == null || from.bot()) {
			return IGNORED;
		}
		String language = Languages.of(from.languageCode());
		String chatId = m.chat().chatId();
		String words = m.words();
		if (command(words, "start") || command(words, "help")) {
			menu(botKey, chatId, language);
			return APPLIED;
		}
		String body = words != null ? words : m.file() != null ? "📎 " + m.file().fileName() : null;
		if (body == null) {
			// a sticker, a location, a poll: nothing we can keep as a complaint
			return IGNORED;
		}
		Conversation conversation = conversation(botKey, chatId, from, language);
		Message message = conversations.received(conversation.id(), MessageKind.INBOUND, null, null, cut(body),
				m.externalId());
		List<EvidenceFile> evidence = new ArrayList<>();
		List<Refusal> refused = new ArrayList<>();
		if (attachment != null) {
			sort(attachment, language, evidence, refused);
		}
		Optional<CaseView> current = cases.currentCase(conversation.id());
		CaseView view;
		if (current.isPresent()) {
			view = current.get();
			cases.complainantWrote(view.id(), message.id(), evidence, Actor.CONTACT);
		}
		else {
			view = open(conversation, message, defaultCategory, body, language, evidence, m.externalId());
		}
		for (Refusal refusal : refused) {
			cases.evidenceRefused(view.id(), message.id(), refusal.fileName(), refusal.reason(), Actor.CONTACT);
			replies.send(botKey, chatId, refusal.told(), m.externalId(), List.of());
		}
		live.publish(LiveSignal.conversation(conversation.id(), view.teamId()));
		live.publish(LiveSignal.caseChanged(view.id(), view.teamId()));
		return APPLIED;
	}

	/** An edited message: the new text in its place, the old one kept and shown on the case's timeline. */
	String edited(String botKey, Updates.Message m) {
		String words = m.words();
		if (words == null) {
			return IGNORED;
		}
		Optional<Conversation> conversation = conversations.chat(TelegramBots.CHANNEL, botKey, m.chat().chatId());
		Optional<Message> message = conversation.flatMap(c -> conversations.messageByExternalId(c.id(), m.externalId()));
		if (message.isEmpty() || message.get().kind() == MessageKind.NOTE) {
			return IGNORED;
		}
		Optional<MessageEdit> edit = conversations.edit(message.get().id(), cut(words));
		if (edit.isEmpty()) {
			return IGNORED;
		}
		Actor actor = message.get().authorAgentId() == null ? Actor.CONTACT : Actor.agent(message.get().authorAgentId());
		Optional<CaseView> current = m.chat().isPrivate() ? cases.currentCase(conversation.get().id()) : Optional.empty();
		current.ifPresent(c -> cases.messageEdited(c.id(), message.get().id(), edit.get().oldBody(), cut(words), actor));
		live.publish(LiveSignal.conversation(conversation.get().id(), conversation.get().teamId()));
		current.ifPresent(c -> live.publish(LiveSignal.caseChanged(c.id(), c.teamId())));
		return APPLIED;
	}

	/** A button press: a menu topic, "this helped", "talk to a person", or a rating. */
	String callback(String botKey, Updates.CallbackQuery q) {
		if (q.message() == null || !q.message().chat().isPrivate() || q.from() == null || q.data() == null) {
			replies.answerCallback(botKey, q.id(), null);
			return IGNORED;
		}
		String language = Languages.of(q.from().languageCode());
		String chatId = q.message().chat().chatId();
		String[] data = q.data().split(":");
		String answer = null;
		String outcome = APPLIED;
		switch (data[0]) {
			case "help" -> outcome = data.length == 2 ? article(botKey, chatId, data[1], language) : IGNORED;
			case "helped" -> {
				if (data.length == 2 && store.topic(data[1], language).isPresent()) {
					if (store.helped(botKey, chatId, data[1])) {
						meters.counter("ombud.telegram.menu.helped", "topic", data[1]).increment();
					}
					answer = replies.text(language, "telegram.bot.helpedThanks");
				}
				else {
					outcome = IGNORED;
				}
			}
			case "person" -> outcome = talkToPerson(botKey, q, data.length == 2 ? data[1] : null, language);
			case "rate" -> {
				answer = data.length == 3 ? rate(botKey, chatId, data[1], data[2], language) : null;
				outcome = answer == null ? IGNORED : APPLIED;
			}
			default -> outcome = IGNORED;
		}
		replies.answerCallback(botKey, q.id(), answer);
		return outcome;
	}

	private void menu(String botKey, String chatId, String language) {
		List<List<Button>> keyboard = new ArrayList<>();
		for (BotStore.HelpTopic topic : store.topics(language)) {
			keyboard.add(List.of(new Button(topic.title(), "help:" + topic.key())));
		}
		keyboard.add(List.of(new Button(replies.text(language, "telegram.bot.talkToPerson"), "person:")));
		replies.send(botKey, chatId, replies.text(language, "telegram.bot.menu"), null, keyboard);
	}

	private String article(String botKey, String chatId, String topicKey, String language) {
		Optional<BotStore.HelpTopic> topic = store.topic(topicKey, language);
		if (topic.isEmpty()) {
			return IGNORED;
		}
		replies.send(botKey, chatId, topic.get().title() + "\n\n" + topic.get().body(), null,
				List.of(List.of(new Button(replies.text(language, "telegram.bot.helped"), "helped:" + topicKey)),
						List.of(new Button(replies.text(language, "telegram.bot.talkToPerson"), "person:" + topicKey))));
		return APPLIED;
	}

	/** "Talk to a person": a case in the topic's category, opened by the press itself. */
	private String talkToPerson(String botKey, Updates.CallbackQuery q, String topicKey, String language) {
		String chatId = q.message().chat().chatId();
		Optional<BotStore.HelpTopic> topic = topicKey == null || topicKey.isBlank() ? Optional.empty()
				: store.topic(topicKey, language);
		Conversation conversation = conversation(botKey, chatId, q.from(), language);
		Optional<CaseView> current = cases.currentCase(conversation.id());
		if (current.isPresent()) {
			replies.send(botKey, chatId, replies.text(language, "telegram.bot.caseExists", current.get().number()), null,
					List.of());
			return APPLIED;
		}
		String body = replies.text(language, "telegram.bot.talkToPersonBody",
				topic.map(BotStore.HelpTopic::title).orElse(replies.text(language, "telegram.bot.talkToPerson")));
		Message message = conversations.received(conversation.id(), MessageKind.INBOUND, null, null, body, null);
		CaseView view = open(conversation, message, topic.map(BotStore.HelpTopic::categoryKey).orElse(defaultCategory),
				body, language, List.of(), null);
		live.publish(LiveSignal.conversation(conversation.id(), view.teamId()));
		live.publish(LiveSignal.caseChanged(view.id(), view.teamId()));
		return APPLIED;
	}

	/** A rating button: only for a resolved case of this very chat; the answer to show, null when refused. */
	private String rate(String botKey, String chatId, String caseId, String rating, String language) {
		Optional<CaseView> view;
		int stars;
		try {
			view = cases.get(Long.parseLong(caseId));
			stars = Integer.parseInt(rating);
		}
		catch (NumberFormatException e) {
			return null;
		}
		Optional<Conversation> conversation = view.flatMap(v -> conversations.conversation(v.conversationId()))
			.filter(c -> TelegramBots.CHANNEL.equals(c.channel()) && botKey.equals(c.endpointKey())
					&& chatId.equals(c.externalChatId()));
		if (conversation.isEmpty() || stars < 1 || stars > 5) {
			return null;
		}
		if (view.get().status().isOpen()) {
			return replies.text(language, "telegram.bot.rateLater");
		}
		cases.rate(view.get().id(), stars, Actor.CONTACT);
		live.publish(LiveSignal.caseChanged(view.get().id(), view.get().teamId()));
		return replies.text(language, "telegram.bot.rated");
	}

	private Conversation conversation(String botKey, String chatId, Updates.User from, String language) {
		long contactId = contacts.identify(List.of(new ChannelIdentity(IDENTITY, String.valueOf(from.id()))),
				from.displayName(), language);
		return conversations.chat(TelegramBots.CHANNEL, botKey, chatId, contactId, null, null);
	}

	private CaseView open(Conversation conversation, Message first, String category, String body, String language,
			List<EvidenceFile> evidence, String replyTo) {
		OpenedCase opened = cases.open(new OpenCase(conversation.contactId(), conversation.id(), TelegramBots.CHANNEL,
				category, null, null, body, null, language, first.id(), evidence, Actor.CONTACT));
		replies.send(conversation.endpointKey(), conversation.externalChatId(),
				replies.text(language, "telegram.bot.caseOpened", opened.view().number(),
						publicUrl + "/status/" + opened.statusToken()),
				replyTo, List.of());
		return opened.view();
	}

	/** A file not kept: its name, why (for agents, in English like the rest of the timeline's values), what the person is told. */
	private record Refusal(String fileName, String reason, String told) {
	}

	/** Sorts a fetched file into evidence to keep or a refusal. */
	private void sort(Attachment attachment, String language, List<EvidenceFile> evidence, List<Refusal> refused) {
		String name = attachment.fileName();
		if (attachment.fetched()) {
			EvidenceFile file = new EvidenceFile(name, attachment.bytes());
			List<Rejection> problems = evidencePolicy.check("evidence", List.of(file));
			if (problems.isEmpty()) {
				evidence.add(file);
				return;
			}
			Rejection problem = problems.get(0);
			refused.add(new Refusal(name, messages.getMessage(problem.messageKey(), problem.args().toArray(), Locale.ENGLISH),
					replies.text(language, "telegram.bot.fileRefused", name, evidencePolicy.maxMegabytes())));
			return;
		}
		String told = "telegram.file.tooBig".equals(attachment.refusalKey())
				? replies.text(language, "telegram.bot.fileRefused", name, evidencePolicy.maxMegabytes())
				: replies.text(language, "telegram.bot.fileUnavailable", name);
		refused.add(new Refusal(name,
				messages.getMessage(attachment.refusalKey(), attachment.args().toArray(), Locale.ENGLISH), told));
	}

	static boolean command(String words, String command) {
		if (words == null) {
			return false;
		}
		String first = words.strip().split("\\s+", 2)[0];
		return first.equals("/" + command) || first.startsWith("/" + command + "@");
	}

	private static String cut(String text) {
		return text.length() <= Conversations.MAX_MESSAGE_LENGTH ? text
				: text.substring(0, Conversations.MAX_MESSAGE_LENGTH);
	}
}
