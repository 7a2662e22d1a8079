package org.ombud.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ombud.identity.Agent;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers;

class ConsoleLoginTests extends ConsoleTestSupport {

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void loginPageSpeaksEnglishRussianAndChinese() throws Exception {
		mvc.perform(get("/login").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"en\">")))
			.andExpect(content().string(containsString("User name")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		mvc.perform(get("/login").param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"ru\">")))
			.andExpect(content().string(containsString("Имя пользователя")))
			.andExpect(content().string(containsString("Войти")));
		mvc.perform(get("/login").param("lang", "zh"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"zh\">")))
			.andExpect(content().string(containsString("用户名")));
	}

	@Test
	void loginPageFollowsTheBrowserLanguageWithoutASwitch() throws Exception {
		mvc.perform(get("/login").header("Accept-Language", "zh-CN,zh;q=0.9"))
			.andExpect(content().string(containsString("用户名")));
	}

	@Test
	void consoleNeedsALogin() throws Exception {
		mvc.perform(get("/console")).andExpect(status().isFound()).andExpect(header().string("Location", endsWith("/login")));
		mvc.perform(get("/console/cases")).andExpect(status().isFound()).andExpect(header().string("Location", endsWith("/login")));
	}

	@Test
	void agentLogsInWithThePasswordAndLandsOnTheQueue() throws Exception {
		Agent agent = agent("en");
		mvc.perform(formLogin("/login").user(agent.username()).password(PASSWORD))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/console"))
			.andExpect(SecurityMockMvcResultMatchers.authenticated().withUsername(agent.username()));
		mvc.perform(get("/console").with(as(agent))).andExpect(redirectedUrl("/console/cases"));
	}

	@Test
	void wrongPasswordShowsTheLocalisedFailure() throws Exception {
		Agent agent = agent("en");
		mvc.perform(formLogin("/login").user(agent.username()).password("not-the-password"))
			.andExpect(redirectedUrl("/login?error"))
			.andExpect(SecurityMockMvcResultMatchers.unauthenticated());
		mvc.perform(get("/login").param("error", "").param("lang", "ru"))
			.andExpect(content().string(containsString("Неверное имя пользователя или пароль")));
	}

	@Test
	void fiveWrongPasswordsLockTheNameForAWhileEvenAgainstTheRightOne() throws Exception {
		Agent agent = agent("en");
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user(agent.username()).password("guess-" + i))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin("/login").user(agent.username()).password(PASSWORD))
			.andExpect(redirectedUrl("/login?locked=15"))
			.andExpect(SecurityMockMvcResultMatchers.unauthenticated());
		mvc.perform(get("/login").param("locked", "15").param("lang", "ru"))
			.andExpect(content().string(containsString("попробуйте снова через 15 мин")));
		// an address that is not a number shows nothing odd
		mvc.perform(get("/login").param("locked", "<script>").param("lang", "en"))
			.andExpect(content().string(not(containsString("Too many failed attempts"))));

		clock.shift(java.time.Duration.ofMinutes(16));
		mvc.perform(formLogin("/login").user(agent.username()).password(PASSWORD))
			.andExpect(SecurityMockMvcResultMatchers.authenticated());
	}

	@Test
	void anUnknownNameIsLockedJustTheSameSoLockoutsTellNobodyWhichNamesExist() throws Exception {
		String nobody = unique("nobody");
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin("/login").user(nobody).password("guess-" + i)).andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin("/login").user(nobody).password("guess")).andExpect(redirectedUrl("/login?locked=15"));
	}

	@Test
	void logoutIsAPostAndSaysSo() throws Exception {
		Agent agent = agent("en");
		mvc.perform(post("/logout").with(as(agent)).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		mvc.perform(get("/login").param("logout", "").param("lang", "en"))
			.andExpect(content().string(containsString("You have logged out.")));
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() throws Exception {
		Agent agent = agent("en");
		mvc.perform(post("/login").param("username", agent.username()).param("password", PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void consoleAssetsLoadBeforeLogin() throws Exception {
		mvc.perform(get("/assets/console/console.css")).andExpect(status().isOk());
		mvc.perform(get("/assets/console/console.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("htmx:configRequest")));
	}

	@Test
	void topBarOffersAdminOnlyToAdmins() throws Exception {
		Agent agent = agent("en");
		mvc.perform(get("/console/cases").with(as(agent)))
			.andExpect(content().string(containsString(agent.displayName())))
			.andExpect(content().string(containsString("action=\"/logout\"")))
			.andExpect(content().string(not(containsString("href=\"/console/admin/teams\""))));
		mvc.perform(get("/console/cases").with(as(admin())))
			.andExpect(content().string(containsString("href=\"/console/admin/teams\"")));
	}

	@Test
	void languageSwitchStoresTheAgentsLanguage() throws Exception {
		Agent agent = agent("en");
		mvc.perform(post("/console/language").with(as(agent)).with(csrf()).param("lang", "zh")
			.header("Referer", "http://localhost/console/cases?status=all"))
			.andExpect(redirectedUrl("/console/cases?status=all"));
		mvc.perform(get("/console/cases").with(as(agent)))
			.andExpect(content().string(containsString("<html lang=\"zh\">")))
			.andExpect(content().string(containsString("工单队列")));
		// a Referer pointing elsewhere never sends the agent off the console
		mvc.perform(post("/console/language").with(as(agent)).with(csrf()).param("lang", "en")
			.header("Referer", "https://evil.example/console/x"))
			.andExpect(redirectedUrl("/console/x"));
		mvc.perform(post("/console/language").with(as(agent)).with(csrf()).param("lang", "en")
			.header("Referer", "https://evil.example/phish"))
			.andExpect(redirectedUrl("/console/cases"));
	}

	@Test
	void unknownLanguageIsRefusedWithAPage() throws Exception {
		Agent agent = agent("ru");
		mvc.perform(post("/console/language").with(as(agent)).with(csrf()).param("lang", "xx"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Выберите английский, русский или китайский.")));
	}
}
