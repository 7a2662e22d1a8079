package org.ombud.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.CategoryDraft;
import org.ombud.cases.Priority;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One application context for all console tests (real server on a random port plus MockMvc), and helpers that
 * make each test's own agents, teams, categories and cases under fresh names, so tests never depend on what
 * else is in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
abstract class ConsoleTestSupport {

	static final String PASSWORD = "console-test-password";

	@Autowired
	MockMvc mvc;

	@Autowired
	AgentDirectory directory;

	@Autowired
	Categories categories;

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	Agent agent(Role role, String locale, Team... teams) {
		String username = unique("agent");
		return directory.create(new NewAgent(username, "Agent " + username, null, PASSWORD, role, locale,
				java.util.Arrays.stream(teams).map(Team::id).collect(java.util.stream.Collectors.toSet())));
	}

	/** An agent who sees the whole desk (a supervisor): for tests of what a page does, not of who sees it. */
	Agent agent(String locale) {
		return agent(Role.SUPERVISOR, locale);
	}

	Agent admin() {
		return agent(Role.ADMIN, "en");
	}

	Team team() {
		String key = unique("t");
		return directory.createTeam(key, "Team " + key);
	}

	/** A category of its own routed to the given team, with one subcategory {@code sub}. */
	Category category(Team team) {
		String key = unique("c");
		Category category = categories.create(new CategoryDraft(key, "Cat " + key, "Кат " + key, "类 " + key,
				team.id(), 100, true));
		categories.createSubcategory(category.id(), new CategoryDraft("sub", "Sub EN", "Под RU", "子 ZH", null, 1, true));
		return categories.category(category.id()).orElseThrow();
	}

	CaseView newCase(Category category, String description) {
		return intake.submit(new Submission(Channels.WEBFORM, "Complainant Person", unique("p") + "@example.com", null,
				null, "en", category.key(), null, description, "https://social.example/p/1", Priority.NORMAL,
				List.of(), Actor.CONTACT)).caseView();
	}

	CaseView reload(CaseView c) {
		return cases.get(c.id()).orElseThrow();
	}

	static RequestPostProcessor as(Agent agent) {
		return user(new AgentPrincipal(agent.id(), agent.username(), "{noop}unused", agent.role(), true));
	}

	static Set<Long> ids(Team... teams) {
		return java.util.Arrays.stream(teams).map(Team::id).collect(java.util.stream.Collectors.toSet());
	}

	static Locale ru() {
		return Locale.forLanguageTag("ru");
	}
}
