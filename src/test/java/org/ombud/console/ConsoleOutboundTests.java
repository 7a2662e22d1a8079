package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.cases.TimelineEntry;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.conversations.MessageDelivery;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentPreferences;
import org.ombud.identity.OutboundDefaults;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.shared.Actor;
import org.ombud.shared.Tokens;
import org.ombud.support.Await;
import org.ombud.support.FakeChannel;
import org.ombud.support.TestClock;
import org.ombud.trackers.Tracker;
import org.ombud.trackers.TrackerDraft;
import org.ombud.trackers.Trackers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case page around messages on a channel: delivery state and retry, the reply options, a new case or a
 * tracker task from a client message, the agent's settings and the trackers admin page.
 */
class ConsoleOutboundTests extends ConsoleTestSupport {

	static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	Conversations conversations;

	@Autowired
	MessageDeliveries deliveries;

	@Autowired
	AgentPreferences preferences;

	@Autowired
	Trackers trackers;

	@Autowired
	FakeChannel channel;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	Team team;

	Category category;

	Agent agent;

	CaseView c;

	String chatId;

	Message question;

	@BeforeEach
	void aCaseOnAChannel() {
		team = team();
		category = category(team);
		agent = agent(Role.DUTY_AGENT, "en", team);
		c = newCase(category, "My refund is late\nOrder 42.");
		chatId = "chat-" + Tokens.random(8);
		jdbc.sql("update conversations set channel = ?, endpoint_key = ?, external_chat_id = ? where id = ?")
			.params(FakeChannel.CHANNEL, "bot-" + Tokens.random(6), chatId, c.conversationId())
			.update();
		question = conversations.messages(c.conversationId()).getFirst();
		jdbc.sql("update messages set external_id = '777' where id = ?").param(question.id()).update();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	String page(Agent who) throws Exception {
		return mvc.perform(get("/console/cases/" + c.number()).with(as(who)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	String url(String path) {
		return "/console/cases/" + c.number() + path;
	}

	MessageDelivery delivery(long messageId) {
		return deliveries.delivery(messageId).orElseThrow();
	}

	long lastOutbound() {
		return conversations.messages(c.conversationId())
			.stream()
			.filter(m -> m.kind() == MessageKind.OUTBOUND)
			.reduce((a, b) -> b)
			.orElseThrow()
			.id();
	}

	@Test
	void theReplyFormStartsFromTheAgentsDefaultsAndItsChoicesTravelWithTheReply() throws Exception {
		preferences.changeOutboundDefaults(agent.id(), new OutboundDefaults(true, false));
		String html = page(agent);
		assertThat(html).contains("<input type=\"checkbox\" name=\"noLinkPreview\" value=\"true\" checked=\"checked\">",
				"<input type=\"checkbox\" name=\"noTyping\" value=\"true\">", "No link previews",
				"<option value=\"" + question.id() + "\">");

		mvc.perform(post(url("/reply")).param("body", "See https://refunds.example/42").param("options", "1")
			.param("noTyping", "true").param("replyTo", Long.toString(question.id())).with(as(agent)).with(csrf()))
			.andExpect(redirectedUrl("/console/cases/" + c.number()));
		long reply = lastOutbound();
		Await.until(WAIT, "delivered", () -> MessageDelivery.SENT.equals(delivery(reply).state()));
		FakeChannel.Received received = channel.received(chatId).getFirst();
		assertThat(received.text()).isEqualTo("See https://refunds.example/42");
		assertThat(received.noLinkPreview()).isFalse();
		assertThat(received.noTyping()).isTrue();
		assertThat(received.replyTo()).isEqualTo("777");
		assertThat(page(agent)).containsPattern("(?s)See https://refunds.example/42.*<span class=\"badge dl-SENT\">delivered</span>");
	}

	@Test
	void aReplyToAMessageOfAnotherConversationIsRefusedLocalisedAndNothingIsSent() throws Exception {
		Agent russian = agent(Role.DUTY_AGENT, "ru", team);
		CaseView other = newCase(category, "someone else");
		long foreign = conversations.messages(other.conversationId()).getFirst().id();
		int before = conversations.messages(c.conversationId()).size();
		String html = mvc.perform(post(url("/reply")).param("body", "hello").param("options", "1")
			.param("replyTo", Long.toString(foreign)).with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Выберите сообщение этой переписки, на которое отвечаете.");
		mvc.perform(post(url("/reply")).param("body", "hello").param("replyTo", "x1").with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(conversations.messages(c.conversationId())).hasSize(before);
		assertThat(channel.calls(chatId)).isEmpty();
	}

	@Test
	void aFailedDeliveryShowsWhyInTheAgentsLanguageAndRetrySendsItOnce() throws Exception {
		Agent russian = agent(Role.DUTY_AGENT, "ru", team);
		channel.script(chatId, new FakeChannel.Refuse("Forbidden: bot was blocked by the user", true));
		long reply = cases.reply(c.id(), "Your refund is on its way", Actor.agent(agent.id())).id();
		Await.until(WAIT, "failed", () -> MessageDelivery.FAILED.equals(delivery(reply).state()));
		String html = page(russian);
		assertThat(html).contains("<span class=\"badge dl-FAILED\">не доставлено</span>",
				"Причина: Forbidden: bot was blocked by the user",
				"action=\"/console/cases/" + c.number() + "/messages/" + reply + "/retry\"");

		mvc.perform(post(url("/messages/" + reply + "/retry")).with(as(russian)))
			.andExpect(status().isForbidden());
		assertThat(delivery(reply).state()).isEqualTo(MessageDelivery.FAILED);

		mvc.perform(post(url("/messages/" + reply + "/retry")).with(as(russian)).with(csrf()))
			.andExpect(redirectedUrl("/console/cases/" + c.number()))
			.andExpect(flash().attribute("notice", "outbox.retry.queued"));
		String again = mvc.perform(post(url("/messages/" + reply + "/retry")).with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(again).contains("Это сообщение не завершилось ошибкой");
		Await.until(WAIT, "delivered", () -> MessageDelivery.SENT.equals(delivery(reply).state()));
		assertThat(channel.received(chatId)).extracting(FakeChannel.Received::text)
			.containsExactly("Your refund is on its way");
		assertThat(page(russian)).contains("<span class=\"badge dl-SENT\">доставлено</span>")
			.doesNotContain("/messages/" + reply + "/retry");
	}

	@Test
	void anUnclearDeliveryTellsTheAgentToCheckTheChatFirst() throws Exception {
		channel.script(chatId, new FakeChannel.TakeThenTimeOut());
		long reply = cases.reply(c.id(), "Did this arrive?", Actor.agent(agent.id())).id();
		Await.until(WAIT, "failed", () -> MessageDelivery.FAILED.equals(delivery(reply).state()));
		assertThat(page(agent)).contains("the person may or may not have received it. Check the chat before retrying.");
		assertThat(channel.received(chatId)).hasSize(1);
	}

	@Test
	void messageActionsFindOnlyMessagesOfTheCasesConversationOfTheRightKind() throws Exception {
		CaseView other = newCase(category, "another conversation");
		long foreign = conversations.messages(other.conversationId()).getFirst().id();
		long outbound = cases.reply(c.id(), "ours", Actor.agent(agent.id())).id();
		mvc.perform(post(url("/messages/" + foreign + "/retry")).with(as(agent)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post(url("/messages/" + question.id() + "/retry")).with(as(agent)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post(url("/messages/" + outbound + "/case")).param("category", category.key()).with(as(agent)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post(url("/messages/" + foreign + "/case")).param("category", category.key()).with(as(agent)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post(url("/messages/abc/tracker")).param("tracker", "1").with(as(agent)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/console/cases/C-2000-999999/messages/" + question.id() + "/case").with(as(agent)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void anAgentOpensACaseFromAClientMessageInTheSameConversation() throws Exception {
		Team other = team();
		Category second = category(other);
		long casesBefore = countCases();
		String location = mvc.perform(post(url("/messages/" + question.id() + "/case"))
			.param("category", second.key() + "/sub").param("team", Long.toString(team.id())).with(as(agent)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("notice", "outbox.case.opened"))
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(countCases()).isEqualTo(casesBefore + 1);
		CaseView opened = cases.find(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();
		assertThat(opened.id()).isNotEqualTo(c.id());
		assertThat(opened.conversationId()).isEqualTo(c.conversationId());
		assertThat(opened.categoryId()).isEqualTo(second.id());
		assertThat(opened.teamId()).isEqualTo(team.id());
		assertThat(opened.subject()).isEqualTo("My refund is late");
		assertThat(cases.timeline(opened.id(), false)).anySatisfy(e -> {
			assertThat(e.kind()).isEqualTo(TimelineEntry.Kind.MESSAGE);
			assertThat(e.message().id()).isEqualTo(question.id());
		});
		assertThat(page(agent)).contains("action=\"/console/cases/" + c.number() + "/messages/" + question.id() + "/case\"");
	}

	@Test
	void aNewCaseWithBadInputIsRefusedLocalisedAndNothingIsOpened() throws Exception {
		Agent russian = agent(Role.DUTY_AGENT, "ru", team);
		long casesBefore = countCases();
		String html = mvc.perform(post(url("/messages/" + question.id() + "/case")).param("category", "no-such-category")
			.with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("<html", "<details open=\"open\">");
		assertThat(html).contains(format("error.category.unknown", russian));
		mvc.perform(post(url("/messages/" + question.id() + "/case")).param("category", category.key())
			.param("team", "nine").with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post(url("/messages/" + question.id() + "/case")).param("category", category.key())
			.param("team", "999999999").with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post(url("/messages/" + question.id() + "/case")).param("category", category.key()).with(as(russian)))
			.andExpect(status().isForbidden());
		assertThat(countCases()).isEqualTo(casesBefore);
	}

	@Test
	void aClientMessageGoesToATrackerAsAQueuedTask() throws Exception {
		Tracker tracker = trackers.create(new TrackerDraft("Ops Jira " + Tokens.random(4),
				"https://jira.invalid/rest/api/2/issue", "JIRA", "OPS", "secret-secret-secret", true));
		assertThat(page(agent)).contains("<option value=\"" + tracker.id() + "\">" + tracker.name() + "</option>");
		mvc.perform(post(url("/messages/" + question.id() + "/tracker")).param("tracker", Long.toString(tracker.id()))
			.with(as(agent)).with(csrf()))
			.andExpect(redirectedUrl("/console/cases/" + c.number()))
			.andExpect(flash().attribute("notice", "outbox.tracker.queued"));
		assertThat(trackers.deliveries(tracker.id(), 5)).hasSize(1);

		Agent russian = agent(Role.DUTY_AGENT, "ru", team);
		String html = mvc.perform(post(url("/messages/" + question.id() + "/tracker")).param("tracker", "123456789")
			.with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Выберите один из трекеров списка.");
		assertThat(trackers.deliveries(tracker.id(), 5)).hasSize(1);
	}

	@Test
	void anAgentSetsTheirOwnDefaults() throws Exception {
		mvc.perform(get("/console/settings").with(as(agent))).andExpect(status().isOk());
		mvc.perform(post("/console/settings").param("noTyping", "true").with(as(agent)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/settings").param("noTyping", "true").with(as(agent)).with(csrf()))
			.andExpect(redirectedUrl("/console/settings"));
		assertThat(preferences.outboundDefaults(agent.id())).isEqualTo(new OutboundDefaults(false, true));
		String html = mvc.perform(get("/console/settings").with(as(agent)))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("<input type=\"checkbox\" name=\"noTyping\" value=\"true\" checked=\"checked\">");
		assertThat(page(agent)).contains("<input type=\"checkbox\" name=\"noTyping\" value=\"true\" checked=\"checked\">");
	}

	@Test
	void trackersAreConfiguredByAdminsOnlyAndTheSecretIsNeverShown() throws Exception {
		Agent admin = admin();
		Agent russianAdmin = agent(Role.ADMIN, "ru");
		mvc.perform(get("/console/admin/trackers").with(as(agent))).andExpect(status().isForbidden());
		mvc.perform(post("/console/admin/trackers").param("name", "x").with(as(agent)).with(csrf()))
			.andExpect(status().isForbidden());
		int before = trackers.trackers().size();
		String refused = mvc.perform(post("/console/admin/trackers").param("name", "Bitrix")
			.param("url", "https://b24.example/rest/1/abc/tasks.task.add.json").param("format", "BITRIX24")
			.param("target", "boss").param("secret", "super-secret-value-1").with(as(russianAdmin)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Укажите id ответственного пользователя в Битрикс24 (число).")
			.doesNotContain("super-secret-value-1");
		assertThat(trackers.trackers()).hasSize(before);

		String location = mvc.perform(post("/console/admin/trackers").param("name", "Bitrix")
			.param("url", "https://b24.example/rest/1/abc/tasks.task.add.json").param("format", "BITRIX24")
			.param("target", "12").param("secret", "super-secret-value-1").param("active", "true")
			.with(as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String edit = mvc.perform(get(location).with(as(admin))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(edit).contains("Bitrix24 (tasks.task.add)", "value=\"12\"").doesNotContain("super-secret-value-1");
		// a change without a secret keeps the stored one
		mvc.perform(post(location).param("name", "Bitrix 2").param("url", "https://b24.example/rest/1/abc/tasks.task.add.json")
			.param("format", "BITRIX24").param("target", "12").param("active", "true").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl(location));
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("select secret from trackers where id = ?").param(id).query(String.class).single())
			.isEqualTo("super-secret-value-1");
		assertThat(trackers.tracker(id).orElseThrow().name()).isEqualTo("Bitrix 2");
		mvc.perform(get("/console/admin/trackers/999999999").with(as(admin))).andExpect(status().isNotFound());
		mvc.perform(get("/console/admin/trackers/x").with(as(admin))).andExpect(status().isNotFound());
	}

	long countCases() {
		return jdbc.sql("select count(*) from cases where conversation_id = ?")
			.param(c.conversationId())
			.query(Long.class)
			.single();
	}

	@Autowired
	org.springframework.context.MessageSource messages;

	String format(String key, Agent who) {
		return messages.getMessage(key, null, java.util.Locale.forLanguageTag(who.locale()));
	}

}
