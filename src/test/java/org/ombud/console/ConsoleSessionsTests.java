package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.support.ConsoleClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sessions end when they should, in every browser at once: "log out everywhere", deactivation, a new role or a
 * new password set by an admin; open live streams end with them. Logging in gives a new session id.
 */
class ConsoleSessionsTests extends ConsoleTestSupport {

	@LocalServerPort
	int port;

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void logOutEverywhereEndsEverySessionOfTheAgentAndTheirLiveStreams() {
		Agent agent = agent(Role.DUTY_AGENT, "en", team());
		Agent colleague = agent(Role.DUTY_AGENT, "en", team());
		try (ConsoleClient laptop = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD);
				ConsoleClient phone = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD);
				ConsoleClient other = ConsoleClient.loggedIn(base(), colleague.username(), PASSWORD);
				ConsoleClient.LiveEvents stream = phone.live()) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(phone.get("/console/cases").statusCode()).isEqualTo(200);

			HttpResponse<String> out = laptop.postForm("/console/settings/logout-everywhere", Map.of("_csrf", laptop.csrf()));
			assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/login?logout");

			assertThat(laptop.get("/console/cases").headers().firstValue("Location").orElse("")).endsWith("/login");
			assertThat(phone.get("/console/cases").headers().firstValue("Location").orElse("")).endsWith("/login");
			assertThat(phone.live().status()).isEqualTo(401);
			// the stream that was open ends at its next heartbeat
			live.heartbeat();
			assertThat(stream.endsWithin(Duration.ofSeconds(5))).isTrue();
			// a colleague's session goes on; a new login works
			assertThat(other.get("/console/cases").statusCode()).isEqualTo(200);
			try (ConsoleClient again = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD)) {
				assertThat(again.get("/console/cases").statusCode()).isEqualTo(200);
			}
		}
	}

	@org.springframework.beans.factory.annotation.Autowired
	LiveStreams live;

	@Test
	void deactivationANewRoleOrANewPasswordEndTheSession() {
		Agent deactivated = agent(Role.DUTY_AGENT, "en");
		Agent promoted = agent(Role.DUTY_AGENT, "en");
		Agent reset = agent(Role.DUTY_AGENT, "en");
		try (ConsoleClient a = ConsoleClient.loggedIn(base(), deactivated.username(), PASSWORD);
				ConsoleClient b = ConsoleClient.loggedIn(base(), promoted.username(), PASSWORD);
				ConsoleClient c = ConsoleClient.loggedIn(base(), reset.username(), PASSWORD)) {
			assertThat(a.get("/console/cases").statusCode()).isEqualTo(200);
			assertThat(b.get("/console/cases").statusCode()).isEqualTo(200);
			assertThat(c.get("/console/cases").statusCode()).isEqualTo(200);

			directory.update(deactivated.id(), deactivated.displayName(), deactivated.role(), false, Set.of());
			directory.update(promoted.id(), promoted.displayName(), Role.SUPERVISOR, true, Set.of());
			directory.changePassword(reset.id(), "a-brand-new-password");

			org.ombud.support.Await.until(Duration.ofSeconds(5), "every ended session sent to the login page", () -> a.get("/console/cases").statusCode() == 302
					&& b.get("/console/cases").statusCode() == 302 && c.get("/console/cases").statusCode() == 302);
			assertThat(b.get("/console/cases").headers().firstValue("Location").orElse("")).endsWith("/login");
			// the promoted agent logs in again and works with the new role
			try (ConsoleClient again = ConsoleClient.loggedIn(base(), promoted.username(), PASSWORD)) {
				assertThat(again.get("/console/admin/audit").statusCode()).isEqualTo(403);
				assertThat(again.get("/console/chats?team=all").statusCode()).isEqualTo(200);
			}
		}
	}

	@Test
	void loggingInGivesANewSessionId() {
		Agent agent = agent(Role.DUTY_AGENT, "en");
		try (ConsoleClient browser = new ConsoleClient(base())) {
			HttpResponse<String> loginPage = browser.get("/login");
			String before = sessionCookie(loginPage);
			HttpResponse<String> login = browser.login(agent.username(), PASSWORD);
			String after = sessionCookie(login);
			assertThat(after).isNotEmpty().isNotEqualTo(before);
			assertThat(login.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("JSESSIONID=")
					&& c.contains("HttpOnly") && c.contains("SameSite=Lax"));
		}
	}

	private static String sessionCookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
			.findFirst()
			.orElse("");
	}
}
