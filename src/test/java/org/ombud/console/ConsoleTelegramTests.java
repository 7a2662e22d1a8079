package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.identity.Agent;
import org.ombud.support.FakeTelegram;
import org.ombud.telegram.TelegramBot;
import org.ombud.telegram.TelegramBots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ConsoleTelegramTests extends ConsoleTestSupport {

	static final FakeTelegram telegram = FakeTelegram.shared();

	@Autowired
	TelegramBots bots;

	Agent admin;

	@BeforeEach
	void setUp() {
		admin = admin();
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void anAdminAddsABotByItsTokenWhichIsNeverShownAgain() throws Exception {
		String token = telegram.newBot("ombud_help_bot");
		String key = token.substring(0, token.indexOf(':'));
		mvc.perform(post("/console/admin/telegram").param("token", " " + token + " ").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/console/admin/telegram#bot-" + key));
		String page = page(get("/console/admin/telegram"));
		assertThat(page).contains("@ombud_help_bot", key, "polling", "console").doesNotContain(token.substring(key.length()));

		mvc.perform(post("/console/admin/telegram/" + key + "/webhook").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/console/admin/telegram"));
		assertThat(page(get("/console/admin/telegram"))).contains("/telegram/webhook/" + key, "Remove webhook");
		mvc.perform(post("/console/admin/telegram/" + key + "/webhook/remove").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/console/admin/telegram"));
		assertThat(bots.bot(key).map(TelegramBot::hasWebhook)).contains(false);

		String again = mvc.perform(post("/console/admin/telegram").param("token", token).with(as(admin)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(again).contains("This bot is already connected.").doesNotContain(token.substring(key.length()));

		mvc.perform(post("/console/admin/telegram/" + key + "/remove").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/console/admin/telegram"));
		assertThat(bots.bot(key)).isEmpty();
	}

	@Test
	void aTokenThatIsNoTokenOrThatTelegramRefusesIsExplainedInTheAdminsLanguage() throws Exception {
		Agent russian = agent(org.ombud.identity.Role.ADMIN, "ru");
		String malformed = mvc.perform(post("/console/admin/telegram").param("token", "hello").with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(malformed).contains("Это не токен бота").doesNotContain("value=\"hello\"");
		String unknown = "1234567:AAF" + "z".repeat(30);
		String refused = mvc.perform(post("/console/admin/telegram").param("token", unknown).with(as(admin)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Telegram did not accept this token.").doesNotContain("zzzzzzzzzz");
		assertThat(bots.bot("1234567")).isEmpty();
	}

	@Test
	void onlyAdminsManageBots() throws Exception {
		Agent agent = agent("en");
		mvc.perform(get("/console/admin/telegram").with(as(agent))).andExpect(status().isForbidden());
		String token = telegram.newBot("sneaky_bot");
		mvc.perform(post("/console/admin/telegram").param("token", token).with(as(agent)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(bots.bot(token.substring(0, token.indexOf(':')))).isEmpty();
	}

	@Test
	void anAdminLinksAnAgentsTelegramAccount() throws Exception {
		Agent agent = agent("en");
		long telegramId = FakeTelegram.Updates.nextId();
		mvc.perform(post("/console/admin/agents/" + agent.id() + "/telegram").param("telegramUserId", String.valueOf(telegramId))
			.with(as(admin)).with(csrf())).andExpect(redirectedUrl("/console/admin/agents/" + agent.id()));
		assertThat(directory.telegramUserId(agent.id())).contains(telegramId);
		assertThat(page(get("/console/admin/agents/" + agent.id()))).contains("value=\"" + telegramId + "\"");
		String refused = mvc.perform(post("/console/admin/agents/" + agent.id() + "/telegram").param("telegramUserId", "-5")
			.with(as(admin)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("A Telegram user id is a positive number.");
		assertThat(directory.telegramUserId(agent.id())).contains(telegramId);
	}
}
