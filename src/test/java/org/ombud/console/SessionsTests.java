package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentPreferences;
import org.ombud.identity.Role;
import org.ombud.support.ConsoleClient;
import org.ombud.support.ConsoleClient.LiveEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Console sessions over real HTTP: kept in the database, a new id at login, the cookie's flags, logging out
 * everywhere and an admin's change ending an agent's sessions and live streams, CSRF with htmx's header, and
 * the password hash (Argon2id, old bcrypt hashes upgraded at login).
 */
class SessionsTests extends ConsoleTestSupport {

	static final Duration WITHIN = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AgentPreferences preferences;

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void theSessionIsKeptInTheDatabaseAndLoggingInGivesItANewId() {
		Agent agent = agent("en");
		try (ConsoleClient browser = new ConsoleClient(base())) {
			browser.get("/login");
			String before = browser.cookie("SESSION").orElseThrow();
			HttpResponse<String> login = browser.login(agent.username(), PASSWORD);
			assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/console");
			String after = browser.cookie("SESSION").orElseThrow();
			assertThat(after).isNotEqualTo(before);
			assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
				.param(agent.username())
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(browser.get("/console/cases").statusCode()).isEqualTo(200);

			// whoever kept the id from before the login has nothing
			try (ConsoleClient other = new ConsoleClient(base())) {
				HttpResponse<String> stale = other.send(HttpRequest.newBuilder().header("Cookie", "SESSION=" + before).GET(),
						"/console/cases");
				assertThat(stale.statusCode()).isEqualTo(302);
				assertThat(stale.headers().firstValue("Location").orElseThrow()).endsWith("/login");
			}
		}
	}

	@Test
	void theCookieIsHttpOnlyLaxAndSecureOverHttps() throws Exception {
		String plain = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Set-Cookie");
		assertThat(plain).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
		String https = mvc.perform(get("/login").secure(true)).andReturn().getResponse().getHeader("Set-Cookie");
		assertThat(https).startsWith("SESSION=").contains("HttpOnly", "SameSite=Lax", "Secure");
	}

	@Test
	void loggingOutEverywhereEndsEverySessionOfTheAgentAndTheirStreams() {
		Agent agent = agent("en");
		Agent colleague = agent("en");
		try (ConsoleClient laptop = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD);
				ConsoleClient phone = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD);
				ConsoleClient other = ConsoleClient.loggedIn(base(), colleague.username(), PASSWORD);
				LiveEvents phoneLive = phone.live();
				LiveEvents otherLive = other.live()) {
			assertThat(phoneLive.status()).isEqualTo(200);
			assertThat(laptop.get("/console/settings").body()).contains("Log out everywhere",
					"You are logged in in 2 places");

			HttpResponse<String> out = laptop.postForm("/console/settings/logout-everywhere",
					Map.of("_csrf", laptop.csrfToken()));
			assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");

			assertThat(phoneLive.endsWithin(WITHIN)).isTrue();
			assertThat(otherLive.endsWithin(Duration.ofMillis(200))).isFalse();
			for (ConsoleClient device : new ConsoleClient[] { laptop, phone }) {
				HttpResponse<String> next = device.get("/console/cases");
				assertThat(next.statusCode()).isEqualTo(302);
				assertThat(next.headers().firstValue("Location").orElseThrow()).endsWith("/login");
				assertThat(device.live().status()).isEqualTo(401);
			}
			assertThat(other.get("/console/cases").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void deactivatingAnAgentOrResettingTheirPasswordEndsTheirSessions() {
		Agent agent = agent("en");
		try (ConsoleClient browser = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD);
				LiveEvents live = browser.live()) {
			directory.changePassword(agent.id(), "a-brand-new-password");
			assertThat(live.endsWithin(WITHIN)).isTrue();
			assertThat(browser.get("/console/cases").statusCode()).isEqualTo(302);
		}
		try (ConsoleClient browser = ConsoleClient.loggedIn(base(), agent.username(), "a-brand-new-password");
				LiveEvents live = browser.live()) {
			// a change of name alone leaves the session alone
			directory.update(agent.id(), "Renamed", agent.role(), true, agent.teamIds());
			assertThat(browser.get("/console/cases").statusCode()).isEqualTo(200);

			directory.update(agent.id(), "Renamed", Role.MODERATOR, true, agent.teamIds());
			assertThat(live.endsWithin(WITHIN)).isTrue();
			assertThat(browser.get("/console/cases").statusCode()).isEqualTo(302);
		}
		try (ConsoleClient browser = ConsoleClient.loggedIn(base(), agent.username(), "a-brand-new-password")) {
			directory.update(agent.id(), "Renamed", Role.MODERATOR, false, agent.teamIds());
			assertThat(browser.get("/console/cases").statusCode()).isEqualTo(302);
			HttpResponse<String> again = browser.login(agent.username(), "a-brand-new-password");
			assertThat(again.headers().firstValue("Location").orElseThrow()).contains("/login?error");
		}
	}

	@Test
	void aPostWithoutTheCsrfTokenIsRefusedAndChangesNothingWithHtmxHeaderItWorks() {
		Agent agent = agent("en");
		try (ConsoleClient browser = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD)) {
			HttpResponse<String> forged = browser.postForm("/console/settings", Map.of("noTyping", "true"));
			assertThat(forged.statusCode()).isEqualTo(403);
			assertThat(preferences.outboundDefaults(agent.id()).noTyping()).isFalse();

			HttpResponse<String> htmx = browser.send(HttpRequest.newBuilder()
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("HX-Request", "true")
				.header("X-CSRF-TOKEN", browser.csrfToken())
				.POST(HttpRequest.BodyPublishers.ofString("noTyping=true")), "/console/settings");
			assertThat(htmx.statusCode()).isEqualTo(302);
			assertThat(preferences.outboundDefaults(agent.id()).noTyping()).isTrue();
		}
	}

	@Test
	void passwordsAreHashedWithArgon2AndBcryptHashesAreUpgradedAtLogin() {
		Agent agent = agent("en");
		assertThat(hash(agent)).startsWith("{argon2}$argon2id$");

		jdbc.sql("update agents set password_hash = ? where id = ?")
			.params("{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD), agent.id())
			.update();
		try (ConsoleClient browser = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD)) {
			assertThat(browser.get("/console/cases").statusCode()).isEqualTo(200);
		}
		assertThat(hash(agent)).startsWith("{argon2}$argon2id$");
		try (ConsoleClient browser = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD)) {
			assertThat(browser.get("/console/cases").statusCode()).isEqualTo(200);
		}
	}

	private String hash(Agent agent) {
		return jdbc.sql("select password_hash from agents where id = ?").param(agent.id()).query(String.class).single();
	}
}
