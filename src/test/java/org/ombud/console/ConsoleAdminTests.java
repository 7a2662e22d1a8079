package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.Category;
import org.ombud.cases.Subcategory;
import org.ombud.identity.Agent;
import org.ombud.identity.ApiToken;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ConsoleAdminTests extends ConsoleTestSupport {

	@Autowired
	ApiTokens tokens;

	@Autowired
	PasswordEncoder passwords;

	Agent admin;

	@BeforeEach
	void setUp() {
		admin = admin();
	}

	@Test
	void nonAdminsAreForbiddenEverywhereUnderAdmin() throws Exception {
		Agent agent = agent("en");
		Agent supervisor = agent(Role.SUPERVISOR, "en");
		for (String path : new String[] { "/console/admin/teams", "/console/admin/agents", "/console/admin/agents/1",
				"/console/admin/categories", "/console/admin/categories/1", "/console/admin/tokens" }) {
			mvc.perform(get(path).with(as(agent))).andExpect(status().isForbidden());
			mvc.perform(get(path).with(as(supervisor))).andExpect(status().isForbidden());
		}
		String key = unique("t");
		mvc.perform(post("/console/admin/teams").param("key", key).param("name", "Sneaky").with(as(agent)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/admin/tokens").param("name", "Sneaky").with(as(agent)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(directory.teamByKey(key)).isEmpty();
	}

	@Test
	void createAndRenameATeam() throws Exception {
		String key = unique("team");
		mvc.perform(post("/console/admin/teams").param("key", key).param("name", "Streamers & games").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/console/admin/teams"));
		Team team = directory.teamByKey(key).orElseThrow();
		assertThat(team.name()).isEqualTo("Streamers & games");
		assertThat(page(get("/console/admin/teams"))).contains(key, "value=\"Streamers &amp; games\"");

		mvc.perform(post("/console/admin/teams/" + team.id()).param("name", "Streamers").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/console/admin/teams"));
		assertThat(directory.team(team.id()).orElseThrow().name()).isEqualTo("Streamers");

		String refused = mvc.perform(post("/console/admin/teams").param("key", key).param("name", "Again").with(as(admin))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("This key is already in use.");
		mvc.perform(post("/console/admin/teams/" + team.id()).param("name", " ").with(as(admin)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(directory.team(team.id()).orElseThrow().name()).isEqualTo("Streamers");
	}

	@Test
	void createEditAndResetAnAgent() throws Exception {
		Team team = team();
		String username = unique("new");
		mvc.perform(post("/console/admin/agents").with(as(admin)).with(csrf())
			.param("username", username)
			.param("displayName", "Новый Агент")
			.param("email", "new@example.com")
			.param("password", "first-password-1")
			.param("role", "DUTY_AGENT")
			.param("locale", "ru")
			.param("teamIds", String.valueOf(team.id())))
			.andExpect(redirectedUrl("/console/admin/agents"));
		Agent created = directory.agentByUsername(username).orElseThrow();
		assertThat(created.displayName()).isEqualTo("Новый Агент");
		assertThat(created.locale()).isEqualTo("ru");
		assertThat(created.teamIds()).containsExactly(team.id());
		assertThat(page(get("/console/admin/agents"))).contains(username, "Новый Агент", team.name());

		assertThat(page(get("/console/admin/agents/" + created.id()))).contains("value=\"Новый Агент\"");
		mvc.perform(post("/console/admin/agents/" + created.id()).with(as(admin)).with(csrf())
			.param("displayName", "Renamed Agent")
			.param("role", "SUPERVISOR"))
			.andExpect(redirectedUrl("/console/admin/agents/" + created.id()))
			.andExpect(flash().attribute("notice", "console.admin.saved"));
		Agent edited = directory.agent(created.id()).orElseThrow();
		assertThat(edited.displayName()).isEqualTo("Renamed Agent");
		assertThat(edited.role()).isEqualTo(Role.SUPERVISOR);
		assertThat(edited.active()).isFalse();
		assertThat(edited.teamIds()).isEmpty();

		mvc.perform(post("/console/admin/agents/" + created.id() + "/password").with(as(admin)).with(csrf())
			.param("password", "second-password-2"))
			.andExpect(redirectedUrl("/console/admin/agents/" + created.id()))
			.andExpect(flash().attribute("notice", "console.admin.agents.passwordChanged"));
		mvc.perform(post("/console/admin/agents/" + created.id()).with(as(admin)).with(csrf())
			.param("displayName", "Renamed Agent").param("role", "DUTY_AGENT").param("active", "true"))
			.andExpect(status().isFound());
		mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
			.user(username).password("second-password-2"))
			.andExpect(redirectedUrl("/console"));
	}

	@Test
	void badAgentInputIsShownAndNothingIsStored() throws Exception {
		String html = mvc.perform(post("/console/admin/agents").with(as(admin)).with(csrf())
			.param("username", "Bad Name!")
			.param("displayName", "")
			.param("password", "short")
			.param("role", "EMPEROR")
			.param("teamIds", "abc"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("User names are 2 to 64 characters", "at least 10 characters", "This field is required.",
				"There is no such team.");
		assertThat(directory.agentByUsername("bad name!")).isEmpty();

		mvc.perform(post("/console/admin/agents/" + admin.id() + "/password").with(as(admin)).with(csrf())
			.param("password", "short"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void adminCannotLockThemselvesOut() throws Exception {
		String html = mvc.perform(post("/console/admin/agents/" + admin.id()).with(as(admin)).with(csrf())
			.param("displayName", "Me").param("role", "DUTY_AGENT").param("active", "true"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("You cannot take the admin role from yourself");
		assertThat(directory.agent(admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void createAndEditCategoriesAndSubcategories() throws Exception {
		Team team = team();
		Team other = team();
		String key = unique("cat");
		String location = mvc.perform(post("/console/admin/categories").with(as(admin)).with(csrf())
			.param("key", key)
			.param("nameEn", "Scams")
			.param("nameRu", "Мошенничество")
			.param("nameZh", "诈骗")
			.param("defaultTeamId", String.valueOf(team.id()))
			.param("position", "55")
			.param("active", "true"))
			.andExpect(status().isFound())
			.andReturn().getResponse().getRedirectedUrl();
		Category category = categories.byKey(key).orElseThrow();
		assertThat(location).isEqualTo("/console/admin/categories/" + category.id());
		assertThat(category.nameZh()).isEqualTo("诈骗");
		assertThat(category.defaultTeamId()).isEqualTo(team.id());
		assertThat(category.position()).isEqualTo(55);
		assertThat(category.active()).isTrue();
		assertThat(page(get("/console/admin/categories"))).contains(key, "Scams", "Мошенничество", "诈骗", team.name());

		mvc.perform(post("/console/admin/categories/" + category.id()).with(as(admin)).with(csrf())
			.param("nameEn", "Scams and fraud")
			.param("nameRu", "Мошенничество")
			.param("nameZh", "诈骗")
			.param("defaultTeamId", String.valueOf(other.id()))
			.param("position", "60"))
			.andExpect(redirectedUrl(location));
		category = categories.category(category.id()).orElseThrow();
		assertThat(category.nameEn()).isEqualTo("Scams and fraud");
		assertThat(category.defaultTeamId()).isEqualTo(other.id());
		assertThat(category.active()).isFalse();

		mvc.perform(post(location + "/subcategories").with(as(admin)).with(csrf())
			.param("key", "phishing")
			.param("nameEn", "Phishing")
			.param("nameRu", "Фишинг")
			.param("nameZh", "网络钓鱼")
			.param("position", "1")
			.param("active", "true"))
			.andExpect(redirectedUrl(location));
		Subcategory sub = categories.category(category.id()).orElseThrow().subcategories().get(0);
		assertThat(sub.key()).isEqualTo("phishing");
		assertThat(sub.nameRu()).isEqualTo("Фишинг");

		mvc.perform(post(location + "/subcategories/" + sub.id()).with(as(admin)).with(csrf())
			.param("nameEn", "Phishing links")
			.param("nameRu", "Фишинговые ссылки")
			.param("nameZh", "钓鱼链接")
			.param("position", "2")
			.param("active", "true"))
			.andExpect(redirectedUrl(location));
		sub = categories.category(category.id()).orElseThrow().subcategories().get(0);
		assertThat(sub.nameEn()).isEqualTo("Phishing links");
		assertThat(sub.position()).isEqualTo(2);
		assertThat(page(get(location))).contains("value=\"Phishing links\"", "value=\"Scams and fraud\"");

		String refused = mvc.perform(post(location + "/subcategories").with(as(admin)).with(csrf())
			.param("key", "phishing").param("nameEn", "").param("nameRu", "x").param("nameZh", "x").param("position", "x"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("The position must be a whole number.");
		refused = mvc.perform(post(location + "/subcategories").with(as(admin)).with(csrf())
			.param("key", "phishing").param("nameEn", "").param("nameRu", "x").param("nameZh", "x"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("This key is already in use.", "Must be between 1 and 200 characters long.");
		assertThat(categories.category(category.id()).orElseThrow().subcategories()).hasSize(1);
	}

	@Test
	void unknownCategoryOrAgentIsNotFound() throws Exception {
		mvc.perform(get("/console/admin/categories/999999999").with(as(admin))).andExpect(status().isNotFound());
		mvc.perform(get("/console/admin/agents/999999999").with(as(admin))).andExpect(status().isNotFound());
		mvc.perform(post("/console/admin/teams/999999999").param("name", "x").with(as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void tokenSecretIsShownOnceAndTheListShowsOnlyItsPrefix() throws Exception {
		String name = unique("Mobile app ");
		String created = mvc.perform(post("/console/admin/tokens").param("name", name)
			.param("scope", "cases:read", "cases:write").with(as(admin)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
			.andReturn().getResponse().getContentAsString();
		Matcher m = Pattern.compile("id=\"secret\" class=\"mono\" readonly value=\"(omb_[A-Za-z0-9_-]+)\"").matcher(created);
		assertThat(m.find()).isTrue();
		String secret = m.group(1);
		assertThat(created).contains("This is the only time the token is shown.", "data-copy=\"#secret\"");
		ApiToken token = tokens.list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
		String list = page(get("/console/admin/tokens"));
		assertThat(list).contains(name, token.prefix() + "…", "never").doesNotContain(secret);
		assertThat(secret).startsWith(token.prefix());
		assertThat(tokens.authenticate(secret)).isPresent();

		mvc.perform(post("/console/admin/tokens/" + token.id() + "/revoke").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/console/admin/tokens"));
		assertThat(tokens.authenticate(secret)).isEmpty();
		assertThat(tokens.list().stream().filter(t -> t.id() == token.id()).findFirst().orElseThrow().revokedAt())
			.isNotNull();
		assertThat(page(get("/console/admin/tokens")))
			.doesNotContain("action=\"/console/admin/tokens/" + token.id() + "/revoke\"");

		mvc.perform(post("/console/admin/tokens").param("name", "").param("scope", "cases:read").with(as(admin)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		// a token that may do nothing is refused, and the form keeps what was typed
		String noScope = mvc.perform(post("/console/admin/tokens").param("name", "Idle").with(as(admin)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(noScope).contains("Choose at least one thing the token may do.", "value=\"Idle\"");
		assertThat(tokens.list()).noneMatch(t -> t.name().equals("Idle"));

		String readerName = unique("Reader ");
		mvc.perform(post("/console/admin/tokens").param("name", readerName).param("scope", "cases:read")
			.with(as(admin)).with(csrf())).andExpect(status().isOk());
		assertThat(tokens.list().stream().filter(t -> t.name().equals(readerName)).findFirst().orElseThrow().scopes())
			.containsExactly(org.ombud.identity.ApiScope.CASES_READ);
		assertThat(page(get("/console/admin/tokens"))).contains("read cases");
		mvc.perform(post("/console/admin/tokens/999999999/revoke").with(as(admin)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void adminPagesSpeakTheAdminsLanguage() throws Exception {
		Agent russianAdmin = agent(Role.ADMIN, "ru");
		String html = mvc.perform(get("/console/admin/categories").with(as(russianAdmin)))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Категории", "Отдел по умолчанию", "Новая категория");
	}

	@Test
	void passwordsAreNeverEchoed() throws Exception {
		String html = mvc.perform(post("/console/admin/agents").with(as(admin)).with(csrf())
			.param("username", "x").param("displayName", "X").param("password", "secret-but-short").param("role", "DUTY_AGENT"))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).doesNotContain("secret-but-short");
		assertThat(passwords).isNotNull();
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(admin))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}
