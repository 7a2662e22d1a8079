package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.shared.Actor;
import org.ombud.sla.ClockView;
import org.ombud.sla.SlaCalendar;
import org.ombud.sla.SlaCalendars;
import org.ombud.sla.SlaClocks;
import org.ombud.sla.SlaFixtures;
import org.ombud.sla.SlaPolicies;
import org.ombud.sla.SlaPolicy;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The SLA in the console: admin pages for policies and calendars, time left on the queue, clocks on the case. */
class ConsoleSlaTests extends ConsoleTestSupport {

	@Autowired
	SlaPolicies policies;

	@Autowired
	SlaCalendars calendars;

	@Autowired
	SlaClocks clocks;

	@Autowired
	TestClock clock;

	Agent admin;

	@BeforeEach
	void setUp() {
		admin = admin();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	String page(Agent as, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(as(as))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	SlaPolicy policyFor(Category category, int triage, boolean raise) {
		return policies.create(SlaFixtures.policy(category, null, triage, 120, 240, raise));
	}

	MockHttpServletRequestBuilder policyPost(SlaPolicy p, String name, String triage, String triageWarn) {
		return post("/console/admin/sla/policies/" + p.id()).param("name", name).param("position", "1")
			.param("categoryId", String.valueOf(p.categoryId())).param("triageMinutes", triage)
			.param("triageWarnMinutes", triageWarn).param("investigationMinutes", "120").param("resultMinutes", "240")
			.param("acknowledgement", "on").param("notifyLead", "on").with(csrf());
	}

	@Test
	void onlyAdminsReachTheSlaPages() throws Exception {
		Agent agent = agent("en");
		Agent supervisor = agent(Role.SUPERVISOR, "en");
		SlaPolicy p = policyFor(category(team()), 60, false);
		for (String path : new String[] { "/console/admin/sla", "/console/admin/sla/policies/" + p.id(),
				"/console/admin/sla/calendars", "/console/admin/sla/calendars/" + calendars.all().get(0).id() }) {
			mvc.perform(get(path).with(as(agent))).andExpect(status().isForbidden());
			mvc.perform(get(path).with(as(supervisor))).andExpect(status().isForbidden());
			page(admin, get(path));
		}
		mvc.perform(policyPost(p, "Sneaky", "5", "").with(as(agent))).andExpect(status().isForbidden());
		assertThat(policies.get(p.id()).orElseThrow().name()).isEqualTo(p.name());
	}

	@Test
	void anAdminEditsAPolicyByPlainPostAndByHtmxAndBadInputChangesNothing() throws Exception {
		Category category = category(team());
		SlaPolicy p = policyFor(category, 60, false);
		assertThat(page(admin, get("/console/admin/sla"))).contains(p.name(), "/console/admin/sla/policies/" + p.id());

		mvc.perform(policyPost(p, "Fast triage", "30", "20").with(as(admin)))
			.andExpect(redirectedUrl("/console/admin/sla/policies/" + p.id()));
		SlaPolicy saved = policies.get(p.id()).orElseThrow();
		assertThat(saved.name()).isEqualTo("Fast triage");
		assertThat(saved.triage().target()).isEqualTo(Duration.ofMinutes(30));
		assertThat(saved.triage().warnAfter()).isEqualTo(Duration.ofMinutes(20));

		String fragment = mvc.perform(policyPost(p, "Faster triage", "25", "").header("HX-Request", "true").with(as(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(fragment).contains("id=\"policy-form\"", "Saved").doesNotContain("<html");
		assertThat(policies.get(p.id()).orElseThrow().triage()).isEqualTo(new SlaPolicy.Target(Duration.ofMinutes(25), null));

		// a warning after its target, in Russian, by htmx and by plain post: 422, nothing changes
		String refused = mvc.perform(policyPost(p, "Broken", "25", "40").header("HX-Request", "true")
			.with(as(agent(Role.ADMIN, "ru"))))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Предупреждение должно наступать раньше норматива").doesNotContain("<html");
		String refusedPage = mvc.perform(policyPost(p, "Broken", "abc", "").with(as(admin)))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refusedPage).contains("Enter a whole number.", "<html");
		assertThat(policies.get(p.id()).orElseThrow().name()).isEqualTo("Faster triage");
	}

	@Test
	void anAdminEditsACalendarAndUnreadableHoursAreRefused() throws Exception {
		SlaCalendar created = calendars.create(new org.ombud.sla.SlaCalendarDraft("Cal " + unique("c"), "Asia/Shanghai",
				java.util.Map.of(java.time.DayOfWeek.MONDAY, "09:00-18:00"), ""));
		String url = "/console/admin/sla/calendars/" + created.id();
		mvc.perform(post(url).param("name", "Shanghai office").param("zone", "Asia/Shanghai")
			.param("hours1", "09:00-12:00, 13:00-18:00").param("hours6", "10:00-14:00")
			.param("holidays", "2027-02-06 Spring Festival\n2027-02-07").with(csrf()).with(as(admin)))
			.andExpect(redirectedUrl(url));
		SlaCalendar saved = calendars.get(created.id()).orElseThrow();
		assertThat(saved.name()).isEqualTo("Shanghai office");
		assertThat(saved.week().get(java.time.DayOfWeek.MONDAY)).hasSize(2);
		assertThat(saved.week().get(java.time.DayOfWeek.SATURDAY).get(0).to()).isEqualTo(LocalTime.of(14, 0));
		assertThat(saved.holidays()).hasSize(2);
		assertThat(page(admin, get(url))).contains("09:00-12:00, 13:00-18:00", "2027-02-06 Spring Festival");

		String refused = mvc.perform(post(url).param("name", "Shanghai office").param("zone", "Mars/Olympus")
			.param("hours1", "18:00-09:00").header("HX-Request", "true").with(csrf()).with(as(agent(Role.ADMIN, "zh"))))
			.andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("请输入时区", "请按 09:00-18:00 的格式填写工作时间");
		assertThat(calendars.get(created.id()).orElseThrow()).isEqualTo(saved);
	}

	@Test
	void anAdminNamesATeamLead() throws Exception {
		Team team = team();
		Agent lead = agent("en");
		mvc.perform(post("/console/admin/teams/" + team.id()).param("name", team.name())
			.param("lead", String.valueOf(lead.id())).with(csrf()).with(as(admin)))
			.andExpect(redirectedUrl("/console/admin/teams"));
		assertThat(directory.team(team.id()).orElseThrow().leadAgentId()).isEqualTo(lead.id());
		mvc.perform(post("/console/admin/teams/" + team.id()).param("name", team.name()).param("lead", "999999999")
			.with(csrf()).with(as(admin))).andExpect(status().isUnprocessableContent());
		assertThat(directory.team(team.id()).orElseThrow().leadAgentId()).isEqualTo(lead.id());
	}

	@Test
	void theQueueShowsTimeLeftAndSortsByIt() throws Exception {
		Team team = team();
		Category slow = category(team);
		Category fast = category(team);
		policyFor(slow, 600, false);
		policyFor(fast, 30, false);
		CaseView older = newCase(slow, "slow one");
		CaseView newer = newCase(slow, "slow two");
		CaseView urgent = newCase(fast, "fast one");
		CaseView done = newCase(fast, "resolved");
		cases.changeStatus(done.id(), CaseStatus.RESOLVED, Actor.SYSTEM);
		Agent agent = agent("en");

		String newest = page(agent, get("/console/cases").param("team", String.valueOf(team.id())).param("status", "all"));
		assertThat(newest).contains("Time left", "4 h", "30 min");
		assertThat(newest.indexOf(done.number())).isLessThan(newest.indexOf(urgent.number()));

		String byTime = page(agent, get("/console/cases").param("team", String.valueOf(team.id()))
			.param("status", "all").param("sort", "due"));
		// the soonest due first, then the later ones in due order, the case without a running clock last
		assertThat(byTime.indexOf(urgent.number())).isLessThan(byTime.indexOf(older.number()));
		assertThat(byTime.indexOf(older.number())).isLessThan(byTime.indexOf(newer.number()));
		assertThat(byTime.indexOf(newer.number())).isLessThan(byTime.indexOf(done.number()));
		assertThat(byTime).contains("value=\"due\" selected");

		// amber at the warning, red and overdue once due
		clock.shift(Duration.ofMinutes(25));
		String amber = page(agent, get("/console/cases").param("team", String.valueOf(team.id())).param("sort", "due"));
		assertThat(amber).contains("sla-WARNING");
		clock.shift(Duration.ofMinutes(10));
		String red = page(agent, get("/console/cases").param("team", String.valueOf(team.id())).param("sort", "due")
			.header("HX-Request", "true"));
		assertThat(red).contains("sla-BREACHED", "overdue 5 min").doesNotContain("<html");
	}

	@Test
	void theCasePageShowsItsClocksAndItsBreachButTheStatusPageDoesNot() throws Exception {
		Category category = category(team());
		policyFor(category, 30, true);
		CaseView c = newCase(category, "please hurry");
		Agent agent = agent("ru");
		String fresh = page(agent, get("/console/cases/" + c.number()));
		assertThat(fresh).contains("id=\"case-clocks\"", "Разбор", "30 мин", "Ответ заявителю");

		ClockView triage = clocks.caseClocks(List.of(c.id())).get(c.id()).get(0);
		clock.set(triage.dueAt().plusMillis(1));
		SlaFixtures.await(Duration.ofSeconds(3),
				() -> !clocks.caseBreaches(c.id(), c.conversationId(), c.createdAt()).isEmpty());
		String late = page(agent, get("/console/cases/" + c.number()));
		assertThat(late).contains("Нарушенные сроки", "нарушен срок SLA", "Разбор: срок был", "sla-BREACHED");
		// raised one step by the policy
		assertThat(reload(c).priority()).isEqualTo(org.ombud.cases.Priority.HIGH);
		String fragment = page(agent, get("/console/cases/" + c.number() + "/clocks").header("HX-Request", "true"));
		assertThat(fragment).contains("id=\"case-clocks\"", "Нарушенные сроки").doesNotContain("<html");
		assertThat(cases.timeline(c.id(), true)).noneMatch(e -> e.kind().name().equals("SLA_BREACH"));
	}

	@Test
	void theLeadSeesTheBreachAmongTheirNotifications() throws Exception {
		Team team = team();
		Agent lead = agent(Role.DUTY_AGENT, "en", team);
		directory.changeTeamLead(team.id(), lead.id());
		Category category = category(team);
		policyFor(category, 30, false);
		CaseView c = newCase(category, "lead must know");
		ClockView triage = clocks.caseClocks(List.of(c.id())).get(c.id()).get(0);
		clock.set(triage.dueAt().plusMillis(1));
		SlaFixtures.await(Duration.ofSeconds(3),
				() -> !clocks.caseBreaches(c.id(), c.conversationId(), c.createdAt()).isEmpty());

		assertThat(page(lead, get("/console/cases"))).contains("1 unread notification");
		String list = page(lead, get("/console/notifications"));
		assertThat(list).contains("Your team missed an SLA target: Triage", c.number());
		mvc.perform(post("/console/notifications/read").with(csrf()).with(as(lead)))
			.andExpect(redirectedUrl("/console/notifications"));
		assertThat(page(lead, get("/console/cases"))).contains("No unread notifications");
		// somebody else sees nothing of it
		assertThat(page(agent("en"), get("/console/notifications"))).doesNotContain(c.number());
	}
}
