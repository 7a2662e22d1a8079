package org.ombud.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ombud.cases.CaseManagement;
import org.ombud.conversations.ChatListing;
import org.ombud.conversations.ChatRow;
import org.ombud.conversations.Chats;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.shared.Languages;
import org.ombud.shared.NotFound;
import org.ombud.sla.ClockView;
import org.ombud.sla.SlaClocks;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Everything the chats page shows, for the page and for each part htmx refreshes: the list (alarms, pins,
 * the rest), and one chat's head, messages and cases. Also who may see which chat.
 */
@Component
class ChatsPage {

	/** The most recent messages a chat pane shows. */
	static final int PANE_MESSAGES = 200;

	private final Chats chats;

	private final Conversations conversations;

	private final CaseManagement cases;

	private final SlaClocks clocks;

	private final Names names;

	private final ConsoleFormat format;

	private final java.time.Clock clock;

	private final Visible visible;

	private final GrantsView grants;

	ChatsPage(Chats chats, Conversations conversations, CaseManagement cases, SlaClocks clocks, Names names,
			ConsoleFormat format, java.time.Clock clock, Visible visible, GrantsView grants) {
		this.visible = visible;
		this.grants = grants;
		this.chats = chats;
		this.conversations = conversations;
		this.cases = cases;
		this.clocks = clocks;
		this.names = names;
		this.format = format;
		this.clock = clock;
	}

	/**
	 * One line of the list with every name, text and address worked out here, so that a hundred rows cost the
	 * template only plain lookups; {@code clock} is {@code late}, {@code overdue} or empty.
	 */
	record Line(long id, String name, boolean group, String channel, String snippet, boolean lastFromUs,
			Instant waitingSince, String assignee, String team, String clock, String timeLeft, boolean pinned,
			boolean starred, boolean unread, boolean alarmed, String alarmBy, boolean open, String href,
			String channelLabel, String waitingText, String waitingTitle, String alarmTitle) {

		public String pinUrl() {
			return "/console/chats/" + id + (pinned ? "/unpin" : "/pin");
		}

		public String starUrl() {
			return "/console/chats/" + id + (starred ? "/unstar" : "/star");
		}

		public String css() {
			StringBuilder css = new StringBuilder("chat");
			if (alarmed) {
				css.append(" alarm");
			}
			if (!clock.isEmpty()) {
				css.append(' ').append(clock);
			}
			if (unread) {
				css.append(" unread");
			}
			if (open) {
				css.append(" open");
			}
			return css.toString();
		}
	}

	/** The words every row repeats, looked up once per list. */
	record Labels(String pin, String unpin, String star, String unstar, String group, String you, String overdue) {
	}

	/** One message in the pane. */
	record Bubble(long id, MessageKind kind, String who, String body, Instant at) {

		public String css() {
			return "msg msg-" + kind.name().toLowerCase(Locale.ROOT);
		}
	}

	/** The chat, if it exists and the agent sees it; 404 otherwise, so an id reveals nothing. */
	ChatRow chat(Agent me, long conversationId) {
		return chats.chat(me.id(), conversationId)
			.filter(chat -> visible.me().seesConversation(chat.id(), chat.teamId(), chat.assigneeId()))
			.orElseThrow(() -> new NotFound("conversation"));
	}

	void list(Model model, Agent me, ChatsForm form, Long openId, Locale locale) {
		ChatListing listing = chats.list(me.id(), form.filter(me, visible.me()), me.onDuty());
		Names.Snapshot snapshot = names.snapshot(Languages.of(locale));
		List<ChatRow> all = new ArrayList<>();
		all.addAll(listing.alarms());
		all.addAll(listing.pinned());
		int above = all.size();
		all.addAll(listing.rows());
		Map<Long, ClockView> firstReply = clocks.firstReplyClocks(ids(all));
		List<Line> lines = all.stream().map(c -> line(c, firstReply.get(c.id()), snapshot, openId, form, locale)).toList();
		model.addAttribute("labels", new Labels(format.message("chats.pin", locale), format.message("chats.unpin", locale),
				format.message("chats.star", locale), format.message("chats.unstar", locale),
				format.message("chats.group", locale), format.message("chats.you", locale),
				format.message("chats.overdue", locale)));
		model.addAttribute("form", form);
		model.addAttribute("lines", lines);
		model.addAttribute("topCount", above);
		model.addAttribute("listPath", openId == null ? "/console/chats" : "/console/chats/" + openId);
		model.addAttribute("more", listing.more());
		model.addAttribute("openId", openId);
		model.addAttribute("teams", visible.me().everything() ? snapshot.teams
				: snapshot.teams.stream().filter(t -> visible.me().teamIds().contains(t.id())).toList());
		model.addAttribute("channels", ChatsForm.CHANNELS);
	}

	void head(Model model, Agent me, ChatRow chat, Locale locale) {
		grants.fill(model, chat.id(), locale);
		Names.Snapshot snapshot = names.snapshot(Languages.of(locale));
		ClockView firstReply = clocks.firstReplyClocks(List.of(chat.id())).get(chat.id());
		model.addAttribute("chat", line(chat, firstReply, snapshot, chat.id(), ChatsForm.empty(), locale));
		model.addAttribute("chatRow", chat);
		model.addAttribute("chatCases", cases.ofConversation(chat.id()));
		model.addAttribute("openCase", chat.openCaseId() == null ? null
				: cases.get(chat.openCaseId()).filter(c -> c.status().isOpen()).orElse(null));
	}

	/** The latest messages, oldest first; the agent has now read them. */
	void messages(Model model, Agent me, ChatRow chat, Locale locale) {
		Names.Snapshot snapshot = names.snapshot(Languages.of(locale));
		List<Message> messages = conversations.messages(chat.id());
		if (messages.size() > PANE_MESSAGES) {
			messages = messages.subList(messages.size() - PANE_MESSAGES, messages.size());
		}
		String contact = chat.contactName() == null || chat.contactName().isBlank()
				? format.message("console.actor.CONTACT", locale) : chat.contactName();
		model.addAttribute("chatId", chat.id());
		model.addAttribute("bubbles", messages.stream()
			.map(m -> new Bubble(m.id(), m.kind(), m.kind() == MessageKind.INBOUND ? contact
					: m.authorAgentId() == null ? format.message("console.actor.SYSTEM", locale)
							: snapshot.agent(m.authorAgentId()), m.body(), m.createdAt()))
			.toList());
		chats.read(me.id(), chat.id());
	}

	private Line line(ChatRow c, ClockView firstReply, Names.Snapshot snapshot, Long openId, ChatsForm form,
			Locale locale) {
		String level = "";
		String left = "";
		if (firstReply != null) {
			Instant now = clock.instant();
			switch (firstReply.level(now)) {
				case WARNING -> level = "late";
				case BREACHED -> level = "overdue";
				default -> {
				}
			}
			if (!level.isEmpty()) {
				left = minutes(firstReply.timeLeft(now), locale);
			}
		}
		String name = c.name();
		if (name == null || name.isBlank()) {
			name = format.message("chats.unnamed", locale, c.id());
		}
		String alarmBy = snapshot.agent(c.alarmBy());
		return new Line(c.id(), name, c.group(), c.channel(), c.snippet(), c.lastFromUs(), c.waitingSince(),
				snapshot.agent(c.assigneeId()), c.teamId() == null ? null : snapshot.team(c.teamId()), level, left,
				c.pinned(), c.starred(), c.unread(), c.alarmed(), alarmBy, openId != null && openId == c.id(),
				form.url("/console/chats/" + c.id()), format.message("channel." + c.channel(), locale),
				c.waitingSince() == null ? null : format.age(c.waitingSince(), locale),
				c.waitingSince() == null ? null
						: format.message("chats.waitingSince", locale, format.time(c.waitingSince())),
				c.alarmed() ? format.message("chats.alarm.by", locale, alarmBy) : null);
	}

	/** Time left on a clock in whole minutes ("12 min", or "-3 min" once overdue). */
	private String minutes(Duration left, Locale locale) {
		return left == null ? "" : format.message("chats.clock.minutes", locale, left.toMinutes());
	}

	static List<Long> ids(Collection<ChatRow> rows) {
		return rows.stream().map(ChatRow::id).toList();
	}
}
