package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ombud.identity.Agent;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.support.ConsoleClient;
import org.ombud.support.FakeOidcProvider;
import org.ombud.support.FakeOidcProvider.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on through an OpenID Connect provider (a fake one in the test), the whole way a browser goes: the
 * login page's button, the provider, back with a code, and into the console as the matching agent; refused
 * for someone who is no active agent, and for an id token with a wrong signature or issuer.
 */
class ConsoleSsoTests extends ConsoleTestSupport {

	static final FakeOidcProvider PROVIDER = new FakeOidcProvider();

	@DynamicPropertySource
	static void sso(DynamicPropertyRegistry registry) {
		registry.add("ombud.sso.issuer-uri", PROVIDER::issuer);
		registry.add("ombud.sso.client-id", () -> FakeOidcProvider.CLIENT_ID);
		registry.add("ombud.sso.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
		registry.add("ombud.sso.name", () -> "Example ID");
		registry.add("ombud.sso.username-claim", () -> "ombud_username");
	}

	@AfterAll
	static void stopProvider() {
		PROVIDER.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String base() {
		return "http://localhost:" + port;
	}

	Agent agentWithEmail(String email) {
		String username = unique("sso");
		return directory.create(new NewAgent(username, "Agent " + username, email, PASSWORD, Role.DUTY_AGENT, "en", Set.of()));
	}

	/** The browser's way: button, provider, back with the code; answers where Ombud sends it at the end. */
	String signIn(ConsoleClient browser, Person person) {
		PROVIDER.next = person;
		HttpResponse<String> start = browser.get("/oauth2/authorization/sso");
		assertThat(start.statusCode()).isEqualTo(302);
		String authorize = start.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize");
		HttpResponse<String> back = browser.follow(authorize);
		String callback = back.headers().firstValue("Location").orElseThrow();
		assertThat(callback).startsWith(base() + "/login/oauth2/code/sso");
		HttpResponse<String> end = browser.follow(callback);
		assertThat(end.statusCode()).isEqualTo(302);
		return end.headers().firstValue("Location").orElseThrow();
	}

	@Test
	void theLoginPageOffersTheProvider() throws Exception {
		String page = mvc.perform(get("/login").locale(Locale.ENGLISH)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Log in with Example ID", "href=\"/oauth2/authorization/sso\"");
	}

	@Test
	void anAgentWhoseVerifiedEmailMatchesLogsInAndWorksLikeAFormUser() {
		String email = unique("anna") + "@Example.org";
		Agent agent = agentWithEmail(email.toLowerCase());
		try (ConsoleClient browser = new ConsoleClient(base())) {
			browser.get("/login");
			String before = browser.cookie("SESSION").orElseThrow();
			assertThat(signIn(browser, Person.withEmail(email))).endsWith("/console");
			assertThat(browser.cookie("SESSION").orElseThrow()).isNotEqualTo(before);

			HttpResponse<String> console = browser.get("/console/cases");
			assertThat(console.statusCode()).isEqualTo(200);
			assertThat(console.body()).contains(agent.displayName());
			// a console page that takes the agent from the session, and a form post with the CSRF token
			assertThat(browser.get("/console/settings").body()).contains("Log out everywhere");
			HttpResponse<String> saved = browser.postForm("/console/settings",
					Map.of("noTyping", "true", "_csrf", browser.csrfToken()));
			assertThat(saved.statusCode()).isEqualTo(302);
			// the session is the agent's: logging out everywhere finds it
			assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
				.param(agent.username())
				.query(Integer.class)
				.single()).isEqualTo(1);
		}
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'login' and actor_id = ?")
			.param(agent.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aConfiguredClaimNamingTheUsernameIsEnoughWithoutAnEmail() {
		Agent agent = agentWithEmail(null);
		Person person = new Person(unique("sub"), null, false, Map.of("ombud_username", agent.username()), false,
				false);
		try (ConsoleClient browser = new ConsoleClient(base())) {
			assertThat(signIn(browser, person)).endsWith("/console");
			assertThat(browser.get("/console/cases").statusCode()).isEqualTo(200);
		}
	}

	@Test
	void someoneWhoIsNoActiveAgentIsSentBackWithoutASession() throws Exception {
		String unverified = unique("li") + "@example.org";
		agentWithEmail(unverified);
		String deactivatedEmail = unique("tom") + "@example.org";
		Agent deactivated = agentWithEmail(deactivatedEmail);
		directory.update(deactivated.id(), deactivated.displayName(), deactivated.role(), false, Set.of());

		for (Person person : new Person[] { Person.withEmail(unique("nobody") + "@example.org"),
				Person.withEmail(unverified).unverified(), Person.withEmail(deactivatedEmail) }) {
			try (ConsoleClient browser = new ConsoleClient(base())) {
				assertThat(signIn(browser, person)).endsWith("/login?sso-refused");
				assertThat(browser.get("/console/cases").statusCode()).isEqualTo(302);
				assertThat(browser.follow("/login?sso-refused&lang=en").body())
					.contains("is not linked to an active Ombud agent");
			}
		}
	}

	@Test
	void anIdTokenWithAWrongSignatureOrIssuerIsRefused() {
		String email = unique("maria") + "@example.org";
		agentWithEmail(email);
		for (Person person : new Person[] { Person.withEmail(email).signedByAnotherKey(),
				Person.withEmail(email).fromAnotherIssuer() }) {
			try (ConsoleClient browser = new ConsoleClient(base())) {
				assertThat(signIn(browser, person)).endsWith("/login?sso-refused");
				assertThat(browser.get("/console/cases").statusCode()).isEqualTo(302);
			}
		}
		// and the same person with a proper token gets in
		try (ConsoleClient browser = new ConsoleClient(base())) {
			assertThat(signIn(browser, Person.withEmail(email))).endsWith("/console");
		}
	}
}
