package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.identity.Agent;
import org.ombud.identity.Team;
import org.ombud.shared.Actor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ConsoleQueueTests extends ConsoleTestSupport {

	Team team;

	Team otherTeam;

	Category category;

	Category otherCategory;

	Agent me;

	Agent colleague;

	String marker;

	CaseView mine;

	CaseView colleagues;

	CaseView unassigned;

	CaseView resolved;

	CaseView elsewhere;

	@BeforeEach
	void cases() {
		team = team();
		otherTeam = team();
		category = category(team);
		otherCategory = category(otherTeam);
		me = agent("en");
		colleague = agent("en");
		marker = unique("zq");
		mine = newCase(category, "Mine " + marker);
		colleagues = newCase(category, "Colleague's case");
		unassigned = newCase(category, "Nobody's case");
		resolved = newCase(category, "Already resolved " + marker);
		elsewhere = newCase(otherCategory, "Another team's case " + marker);
		cases.assign(mine.id(), me.id(), Actor.agent(me.id()));
		cases.assign(colleagues.id(), colleague.id(), Actor.agent(colleague.id()));
		cases.changeStatus(resolved.id(), CaseStatus.RESOLVED, Actor.agent(me.id()));
	}

	@Test
	void teamFilterShowsOpenCasesOfThatTeamByDefault() throws Exception {
		String html = page(get("/console/cases").param("team", String.valueOf(team.id())));
		assertThat(numbers(html)).containsExactlyInAnyOrder(mine.number(), colleagues.number(), unassigned.number());
		assertThat(html).contains("Colleague&#39;s case", category.nameEn(), team.name(), me.displayName(), "Web form");
	}

	@Test
	void statusFilterPicksOneStatusOrAll() throws Exception {
		assertThat(numbers(page(get("/console/cases").param("team", "" + team.id()).param("status", "RESOLVED"))))
			.containsExactly(resolved.number());
		assertThat(numbers(page(get("/console/cases").param("team", "" + team.id()).param("status", "all"))))
			.containsExactlyInAnyOrder(mine.number(), colleagues.number(), unassigned.number(), resolved.number());
	}

	@Test
	void assigneeFilterMineUnassignedOrANamedAgent() throws Exception {
		String t = String.valueOf(team.id());
		assertThat(numbers(page(get("/console/cases").param("team", t).param("assignee", "me"))))
			.containsExactly(mine.number());
		assertThat(numbers(page(get("/console/cases").param("team", t).param("assignee", "none"))))
			.containsExactly(unassigned.number());
		assertThat(numbers(page(get("/console/cases").param("team", t).param("assignee", "" + colleague.id()))))
			.containsExactly(colleagues.number());
	}

	@Test
	void categoryFilter() throws Exception {
		assertThat(numbers(page(get("/console/cases").param("category", "" + otherCategory.id()))))
			.containsExactly(elsewhere.number());
	}

	@Test
	void textSearchFindsSubjectAndNumber() throws Exception {
		assertThat(numbers(page(get("/console/cases").param("q", marker))))
			.containsExactlyInAnyOrder(mine.number(), elsewhere.number());
		assertThat(numbers(page(get("/console/cases").param("q", marker).param("status", "all"))))
			.containsExactlyInAnyOrder(mine.number(), elsewhere.number(), resolved.number());
		assertThat(numbers(page(get("/console/cases").param("q", unassigned.number())))).containsExactly(unassigned.number());
	}

	@Test
	void htmxRequestGetsOnlyTheResultsFragment() throws Exception {
		var result = mvc.perform(get("/console/cases").param("team", "" + team.id()).header("HX-Request", "true")
			.with(as(me)))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", org.hamcrest.Matchers.containsString("HX-Request")))
			.andExpect(header().string("HX-Push-Url", "/console/cases?team=" + team.id()))
			.andReturn();
		String html = result.getResponse().getContentAsString();
		assertThat(html).doesNotContain("<html", "<head", "class=\"topbar\"", "queue-filters");
		assertThat(html.strip()).startsWith("<section id=\"queue-results\"");
		assertThat(numbers(html)).containsExactlyInAnyOrder(mine.number(), colleagues.number(), unassigned.number());
	}

	@Test
	void normalRequestGetsTheWholePageWithFiltersThatDriveHtmx() throws Exception {
		String html = page(get("/console/cases").param("team", "" + team.id()));
		assertThat(html).contains("<html", "class=\"topbar\"", "id=\"queue-filters\"", "id=\"queue-results\"",
				"hx-get=\"/console/cases\"", "hx-push-url=\"true\"", "hx-target=\"#queue-results\"",
				"/webjars/htmx.org/", "name=\"_csrf\"", "name=\"_csrf_header\"", "includeIndicatorStyles");
		// the chosen filter stays selected
		assertThat(html).containsPattern("value=\"" + team.id() + "\" selected");
	}

	@Test
	void historyRestoreGetsTheWholePage() throws Exception {
		String html = page(get("/console/cases").header("HX-Request", "true").header("HX-History-Restore-Request", "true"));
		assertThat(html).contains("<html");
	}

	@Test
	void pagesOfFifty() throws Exception {
		Team busy = team();
		Category busyCategory = category(busy);
		for (int i = 0; i < 51; i++) {
			newCase(busyCategory, "Busy " + i);
		}
		String first = page(get("/console/cases").param("team", "" + busy.id()));
		assertThat(numbers(first)).hasSize(50);
		assertThat(first).contains(">51 cases<", "Page 1 of 2", "href=\"/console/cases?team=" + busy.id() + "&amp;page=2\"");
		String second = page(get("/console/cases").param("team", "" + busy.id()).param("page", "2"));
		assertThat(numbers(second)).hasSize(1);
		assertThat(second).contains("Page 2 of 2", "rel=\"prev\"");
	}

	@Test
	void nonsenseFiltersAreIgnoredNotFailed() throws Exception {
		mvc.perform(get("/console/cases").with(as(me)).param("team", "abc").param("status", "<x>")
			.param("assignee", "-1").param("page", "99999999999999999999").param("category", "1e5"))
			.andExpect(status().isOk());
	}

	@Test
	void queueSpeaksTheAgentsLanguage() throws Exception {
		Agent russian = agent("ru");
		String html = mvc.perform(get("/console/cases").param("team", "" + team.id()).with(as(russian)))
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Очередь обращений", "Новое", "Кат " + category.key(), "Веб-форма");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(me))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** The case numbers listed as rows of the queue table. */
	static java.util.List<String> numbers(String html) {
		Matcher m = Pattern.compile("<td class=\"nowrap\"><a href=\"/console/cases/(C-\\d{4}-\\d+)\"").matcher(html);
		java.util.List<String> found = new java.util.ArrayList<>();
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}
}
