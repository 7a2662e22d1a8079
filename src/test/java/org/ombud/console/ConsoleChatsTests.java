package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.cases.TimelineEntry;
import org.ombud.conversations.ChatRow;
import org.ombud.conversations.Chats;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ConsoleChatsTests extends ConsoleTestSupport {

	@Autowired
	Chats chats;

	@Autowired
	Conversations conversations;

	Team team;

	Team otherTeam;

	Category category;

	Agent me;

	Agent colleague;

	CaseView first;

	CaseView second;

	CaseView elsewhere;

	@BeforeEach
	void desk() {
		team = team();
		otherTeam = team();
		category = category(team);
		me = agent(Role.DUTY_AGENT, "en", team);
		colleague = agent(Role.DUTY_AGENT, "en", team);
		first = newCase(category, "My parcel never came");
		second = newCase(category, "Refund please <b>now</b>");
		elsewhere = newCase(category(otherTeam), "Another team's chat");
	}

	@Test
	void theListShowsMyTeamsChatsOneLineEach() throws Exception {
		String html = page(get("/console/chats"));
		assertThat(chatIds(html)).contains(first.conversationId(), second.conversationId())
			.doesNotContain(elsewhere.conversationId());
		// newest activity first, each row with name, channel, last message and time waiting
		assertThat(chatIds(html).indexOf(second.conversationId())).isLessThan(chatIds(html).indexOf(first.conversationId()));
		assertThat(html).contains("Complainant Person", "Web form", "Refund please &lt;b&gt;now&lt;/b&gt;",
				"class=\"waiting\"", "id=\"chat-filters\"", "hx-include=\"#chat-filters\"",
				"live-conversation from:body throttle:300ms, live-alarm from:body", "href=\"/console/chats\"",
				"/assets/console/chats.js", "/assets/console/chats.css");
		assertThat(rowOf(html, first.conversationId())).contains("chat unread");
	}

	@Test
	void filtersTeamMineStarredUnreadChannel() throws Exception {
		// another team's id is not mine to choose: the list stays on my teams
		assertThat(chatIds(page(get("/console/chats").param("team", "" + otherTeam.id()))))
			.doesNotContain(elsewhere.conversationId()).contains(first.conversationId());
		Agent admin = admin();
		assertThat(chatIds(page(get("/console/chats").param("team", "" + otherTeam.id()), admin)))
			.containsExactly(elsewhere.conversationId());

		cases.assign(first.id(), me.id(), Actor.agent(me.id()));
		assertThat(chatIds(page(get("/console/chats").param("mine", "1")))).containsExactly(first.conversationId());

		chats.star(me.id(), second.conversationId(), true);
		assertThat(chatIds(page(get("/console/chats").param("starred", "1")))).containsExactly(second.conversationId());

		chats.read(me.id(), first.conversationId());
		assertThat(chatIds(page(get("/console/chats").param("team", "" + team.id()).param("unread", "1"))))
			.contains(second.conversationId()).doesNotContain(first.conversationId());

		assertThat(chatIds(page(get("/console/chats").param("team", "" + team.id()).param("channel", "telegram")))).isEmpty();
		assertThat(chatIds(page(get("/console/chats").param("team", "" + team.id()).param("channel", "webform"))))
			.contains(first.conversationId(), second.conversationId());
		// nonsense is ignored, not failed
		mvc.perform(get("/console/chats").with(as(me)).param("team", "x").param("limit", "99999999999999999999")
			.param("channel", "<x>").param("mine", "yes")).andExpect(status().isOk());
	}

	@Test
	void htmxGetsTheListFragmentAndTheFilterFormPushesItsAddress() throws Exception {
		String html = mvc.perform(get("/console/chats").param("team", "" + team.id()).param("unread", "1")
			.header("HX-Request", "true").header("HX-Target", "chat-list").header("HX-Trigger", "chat-filters")
			.with(as(me)))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Push-Url", "/console/chats?team=" + team.id() + "&unread=1"))
			.andReturn().getResponse().getContentAsString();
		assertThat(html.strip()).startsWith("<div id=\"chat-list\"");
		assertThat(html).doesNotContain("<html", "chat-filters\" class");
		// a refresh from a live signal does not touch the address bar
		mvc.perform(get("/console/chats").header("HX-Request", "true").header("HX-Target", "chat-list")
			.header("HX-Trigger", "chat-list").with(as(me)))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Push-Url"));
	}

	@Test
	void openingAChatShowsItsMessagesAndCasesAndReadsIt() throws Exception {
		cases.reply(first.id(), "We are looking into it", Actor.agent(colleague.id()));
		cases.note(first.id(), "Courier says delivered", Actor.agent(colleague.id()));
		assertThat(chats.chat(me.id(), first.conversationId()).orElseThrow().unread()).isTrue();
		String html = page(get("/console/chats/" + first.conversationId()));
		assertThat(html).contains("My parcel never came", "We are looking into it", "Courier says delivered",
				"href=\"/console/cases/" + first.number() + "\"", "id=\"chat-reply\"", "id=\"chat-pin\"",
				"live-conversation-" + first.conversationId() + " from:body", colleague.displayName());
		assertThat(rowOf(html, first.conversationId())).contains(" open");
		assertThat(chats.chat(me.id(), first.conversationId()).orElseThrow().unread()).isFalse();
		assertThat(chats.chat(colleague.id(), first.conversationId()).orElseThrow().unread()).isTrue();
		// each part on its own for htmx
		String messages = mvc.perform(get("/console/chats/" + first.conversationId()).header("HX-Request", "true")
			.header("HX-Target", "chat-messages").with(as(me))).andReturn().getResponse().getContentAsString();
		assertThat(messages.strip()).startsWith("<ol id=\"chat-messages\"");
		String head = mvc.perform(get("/console/chats/" + first.conversationId()).header("HX-Request", "true")
			.header("HX-Target", "chat-head").with(as(me))).andReturn().getResponse().getContentAsString();
		assertThat(head.strip()).startsWith("<header id=\"chat-head\"");
	}

	@Test
	void pinStarAndAlarmWorkWithHtmxAndAsPlainPosts() throws Exception {
		long id = first.conversationId();
		mvc.perform(post("/console/chats/" + id + "/pin").with(as(me)).with(csrf())
			.header("Referer", "http://localhost/console/chats?unread=1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/console/chats?unread=1"));
		assertThat(chats.chat(me.id(), id).orElseThrow().pinned()).isTrue();
		mvc.perform(post("/console/chats/" + id + "/star").with(as(me)).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isNoContent())
			.andExpect(header().string("HX-Trigger", "chats-changed"));
		assertThat(chats.chat(me.id(), id).orElseThrow().starred()).isTrue();
		assertThat(chats.chat(colleague.id(), id).orElseThrow().starred()).isFalse();

		String html = page(get("/console/chats"));
		assertThat(chatIds(html).getFirst()).isEqualTo(id);
		assertThat(html).contains("class=\"divider\"");

		mvc.perform(post("/console/chats/" + second.conversationId() + "/alarm").with(as(colleague)).with(csrf())
			.header("HX-Request", "true")).andExpect(status().isNoContent());
		html = page(get("/console/chats"));
		assertThat(chatIds(html).getFirst()).as("the alarm is on top, above pins").isEqualTo(second.conversationId());
		assertThat(rowOf(html, second.conversationId())).contains("chat alarm");
		// the notice a browser notification shows
		String notice = mvc.perform(get("/console/chats/" + second.conversationId() + "/notice").with(as(me)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(notice).contains("\"title\":\"Alarm: Complainant Person\"", "\"url\":\"/console/chats/" + second.conversationId());
		mvc.perform(get("/console/chats/" + first.conversationId() + "/notice").with(as(me)))
			.andExpect(status().isNoContent());

		mvc.perform(post("/console/chats/" + second.conversationId() + "/alarm/clear").with(as(me)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(chats.chat(me.id(), second.conversationId()).orElseThrow().alarmed()).isFalse();
		mvc.perform(post("/console/chats/" + id + "/unpin").with(as(me)).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(post("/console/chats/" + id + "/unstar").with(as(me)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(chats.chat(me.id(), id).orElseThrow().pinned()).isFalse();
		assertThat(chats.chat(me.id(), id).orElseThrow().starred()).isFalse();
	}

	@Test
	void offDutyAgentsGetNoAlarmsOnTop() throws Exception {
		chats.raiseAlarm(first.conversationId(), colleague.id());
		mvc.perform(post("/console/duty").param("on", "false").with(as(me)).with(csrf())
			.header("Referer", "http://localhost/console/chats")).andExpect(redirectedUrl("/console/chats"));
		assertThat(directory.agent(me.id()).orElseThrow().onDuty()).isFalse();
		String html = page(get("/console/chats"));
		assertThat(html).contains("Off duty");
		assertThat(chatIds(html).getFirst()).isNotEqualTo(first.conversationId());
		mvc.perform(get("/console/chats/" + first.conversationId() + "/notice").with(as(me)))
			.andExpect(status().isNoContent());
		mvc.perform(post("/console/duty").param("on", "true").with(as(me)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(chatIds(page(get("/console/chats"))).getFirst()).isEqualTo(first.conversationId());
	}

	@Test
	void replyGoesToTheOpenCaseOrStraightToTheChat() throws Exception {
		mvc.perform(post("/console/chats/" + first.conversationId() + "/reply").param("body", "On its way")
			.with(as(me)).with(csrf())).andExpect(redirectedUrl("/console/chats/" + first.conversationId()));
		assertThat(cases.timeline(first.id(), true)).anyMatch(e -> e.kind() == TimelineEntry.Kind.REPLY
				&& e.message().body().equals("On its way"));

		cases.changeStatus(second.id(), CaseStatus.RESOLVED, Actor.agent(me.id()));
		String fragment = mvc.perform(post("/console/chats/" + second.conversationId() + "/reply").param("body", "Anything else?")
			.header("HX-Request", "true").with(as(me)).with(csrf()))
			.andExpect(status().isOk()).andExpect(header().string("HX-Trigger", "chats-changed"))
			.andReturn().getResponse().getContentAsString();
		assertThat(fragment.strip()).startsWith("<form id=\"chat-reply\"");
		assertThat(conversations.messages(second.conversationId())).anyMatch(m -> m.kind() == MessageKind.OUTBOUND
				&& m.body().equals("Anything else?"));
		assertThat(cases.timeline(second.id(), false)).noneMatch(e -> e.kind() == TimelineEntry.Kind.REPLY);
	}

	@Test
	void refusedActionsSayWhyInTheAgentsLanguageAndChangeNothing() throws Exception {
		Agent russian = agent(Role.DUTY_AGENT, "ru", team);
		String html = mvc.perform(post("/console/chats/" + first.conversationId() + "/reply").param("body", "  ")
			.header("HX-Request", "true").with(as(russian)).with(csrf()).locale(ru()))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"chat-reply\"", "Это поле обязательно.");
		for (int i = 0; i < Chats.MAX_PINS; i++) {
			chats.pin(russian.id(), newCase(category, "pin " + i).conversationId());
		}
		String refused = mvc.perform(post("/console/chats/" + first.conversationId() + "/pin").header("HX-Request", "true")
			.with(as(russian)).with(csrf()).locale(ru()))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Можно закрепить не больше 20 чатов");
		assertThat(chats.chat(russian.id(), first.conversationId()).orElseThrow().pinned()).isFalse();
	}

	@Test
	void unknownChatsAndOtherTeamsChatsAreBoth404() throws Exception {
		mvc.perform(get("/console/chats/999999999").with(as(me))).andExpect(status().isNotFound());
		mvc.perform(get("/console/chats/abc").with(as(me))).andExpect(status().isNotFound());
		mvc.perform(post("/console/chats/999999999/pin").with(as(me)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/console/chats/" + elsewhere.conversationId()).with(as(me))).andExpect(status().isNotFound());
		mvc.perform(post("/console/chats/" + elsewhere.conversationId() + "/alarm").with(as(me)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/console/chats/" + elsewhere.conversationId() + "/reply").param("body", "hi").with(as(me)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(chats.chat(me.id(), elsewhere.conversationId()).orElseThrow().alarmed()).isFalse();
		// admins and supervisors see every team's chats
		mvc.perform(get("/console/chats/" + elsewhere.conversationId()).with(as(admin()))).andExpect(status().isOk());
	}

	@Test
	void actionsWithoutTheCsrfTokenAreRefused() throws Exception {
		mvc.perform(post("/console/chats/" + first.conversationId() + "/alarm").with(as(me)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/chats/read-all").with(as(me))).andExpect(status().isForbidden());
		mvc.perform(post("/console/duty").param("on", "false").with(as(me))).andExpect(status().isForbidden());
		ChatRow chat = chats.chat(me.id(), first.conversationId()).orElseThrow();
		assertThat(chat.alarmed()).isFalse();
		assertThat(chat.unread()).isTrue();
		assertThat(directory.agent(me.id()).orElseThrow().onDuty()).isTrue();
	}

	@Test
	void markAllAsRead() throws Exception {
		mvc.perform(post("/console/chats/read-all").with(as(me)).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isNoContent());
		assertThat(chats.chat(me.id(), first.conversationId()).orElseThrow().unread()).isFalse();
		assertThat(chats.chat(colleague.id(), first.conversationId()).orElseThrow().unread()).isTrue();
		assertThat(page(get("/console/chats"))).doesNotContain("chat unread");
	}

	@Test
	void theChatsPageSpeaksTheAgentsLanguage() throws Exception {
		Agent russian = agent(Role.DUTY_AGENT, "ru", team);
		String html = mvc.perform(get("/console/chats/" + first.conversationId()).with(as(russian)).locale(ru()))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Чаты", "Мои отделы", "Поднять тревогу", "Отправить", "Веб-форма", "На смене");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return page(request, me);
	}

	private String page(MockHttpServletRequestBuilder request, Agent agent) throws Exception {
		return mvc.perform(request.with(as(agent))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The chats listed, top to bottom. */
	static List<Long> chatIds(String html) {
		Matcher m = Pattern.compile("<tr class=\"[^\"]*\" data-chat=\"(\\d+)\"").matcher(html);
		List<Long> found = new ArrayList<>();
		while (m.find()) {
			found.add(Long.parseLong(m.group(1)));
		}
		return found;
	}

	static String rowOf(String html, long id) {
		Matcher m = Pattern.compile("<tr class=\"([^\"]*)\" data-chat=\"" + id + "\"").matcher(html);
		return m.find() ? m.group(0) : "";
	}
}
