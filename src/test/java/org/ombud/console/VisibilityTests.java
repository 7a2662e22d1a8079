package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.audit.AuditFilter;
import org.ombud.audit.AuditLog;
import org.ombud.cases.CaseView;
import org.ombud.contacts.Organisation;
import org.ombud.contacts.Organisations;
import org.ombud.conversations.Access;
import org.ombud.conversations.Conversations;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.live.LiveSignal;
import org.ombud.shared.Actor;
import org.ombud.shared.Page;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role sees exactly its part of the desk, on every surface: the queue and its search, the case page and
 * its actions, evidence, the chat list and pane, live signals; grants give a colleague one conversation until
 * they expire or are revoked. Someone else's case or chat answers 404, like one that does not exist.
 */
class VisibilityTests extends ConsoleTestSupport {

	@Autowired
	Organisations organisations;

	@Autowired
	Conversations conversations;

	@Autowired
	Access access;

	@Autowired
	LiveStreams live;

	@Autowired
	AuditLog audit;

	@Autowired
	TestClock clock;

	Team teamA;

	Team teamB;

	String marker;

	CaseView caseA;

	CaseView caseB;

	Agent duty;

	Agent moderator;

	Agent task;

	Agent manager;

	Agent compliance;

	Agent supervisor;

	@BeforeEach
	void desk() {
		teamA = team();
		teamB = team();
		marker = unique("vis");
		caseA = newCase(category(teamA), "In team A " + marker);
		caseB = newCase(category(teamB), "In team B " + marker);
		duty = agent(Role.DUTY_AGENT, "en", teamA);
		moderator = agent(Role.MODERATOR, "en", teamA);
		task = agent(Role.TASK_AGENT, "en", teamA);
		manager = agent(Role.ACCOUNT_MANAGER, "en");
		compliance = agent(Role.COMPLIANCE_VIEWER, "en", teamA, teamB);
		supervisor = agent(Role.SUPERVISOR, "en");
		// case B's chat belongs to a client organisation the account manager looks after
		Organisation client = organisations.create(unique("Client "), manager.id(), teamB.id());
		conversations.joinOrganisation(caseB.conversationId(), client.id());
	}

	@AfterEach
	void time() {
		clock.reset();
	}

	@Test
	void theQueueAndItsSearchShowEachRoleItsOwnCases() throws Exception {
		assertQueue(admin(), true, true);
		assertQueue(supervisor, true, true);
		assertQueue(duty, true, false);
		assertQueue(moderator, true, false);
		assertQueue(manager, false, true);
		assertQueue(task, false, false);
		// assigned: the task agent sees it, and only it
		cases.assign(caseB.id(), task.id(), Actor.SYSTEM);
		assertQueue(task, false, true);
		// a hotline case goes to its category's team: the task agent opens none, the duty agent does
		mvc.perform(get("/console/cases/new").with(as(task))).andExpect(status().isForbidden());
		mvc.perform(get("/console/cases/new").with(as(duty))).andExpect(status().isOk());
	}

	@Test
	void someoneElsesCaseIsNotFoundAndItsActionsChangeNothing() throws Exception {
		String other = "/console/cases/" + caseB.number();
		mvc.perform(get(other).with(as(duty))).andExpect(status().isNotFound());
		mvc.perform(get(other + "/refresh").with(as(duty))).andExpect(status().isNotFound());
		mvc.perform(post(other + "/note").param("body", "should not land").with(as(duty)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post(other + "/assignee").param("assignee", "me").with(as(task)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post(other + "/status").param("status", "CLOSED").with(as(moderator)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get(other + "/evidence/1").with(as(duty))).andExpect(status().isNotFound());
		CaseView after = reload(caseB);
		assertThat(after.assigneeId()).isNull();
		assertThat(after.status()).isEqualTo(caseB.status());
		assertThat(cases.timeline(caseB.id(), false))
			.noneMatch(e -> e.message() != null && e.message().body().contains("should not land"));
		// the same address as a case that does not exist
		mvc.perform(get("/console/cases/C-1999-999999").with(as(duty))).andExpect(status().isNotFound());
		mvc.perform(get(other).with(as(manager))).andExpect(status().isOk());
		mvc.perform(get("/console/cases/" + caseA.number()).with(as(duty))).andExpect(status().isOk());
	}

	@Test
	void chatsAreListedAndOpenedOnlyForThoseWhoSeeThem() throws Exception {
		String listA = mvc.perform(get("/console/chats").with(as(duty))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(listA).contains("/console/chats/" + caseA.conversationId())
			.doesNotContain("/console/chats/" + caseB.conversationId() + "\"");
		mvc.perform(get("/console/chats/" + caseB.conversationId()).with(as(duty))).andExpect(status().isNotFound());
		mvc.perform(post("/console/chats/" + caseB.conversationId() + "/alarm").with(as(duty)).with(csrf()))
			.andExpect(status().isNotFound());
		String listManager = mvc.perform(get("/console/chats").with(as(manager))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(listManager).contains("/console/chats/" + caseB.conversationId());
		mvc.perform(get("/console/chats/" + caseB.conversationId()).with(as(manager))).andExpect(status().isOk());
	}

	@Test
	void aGrantShowsTheChatAndItsCasesUntilItExpires() throws Exception {
		String until = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofHours(2)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES)
			.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		mvc.perform(get("/console/cases/" + caseB.number()).with(as(task))).andExpect(status().isNotFound());
		mvc.perform(post("/console/chats/" + caseB.conversationId() + "/grants").param("grantee", String.valueOf(task.id()))
			.param("expires", until).param("note", "Please check the invoice").with(as(manager)).with(csrf())
			.header("Referer", "/console/chats/" + caseB.conversationId()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/console/cases/" + caseB.number()).with(as(task))).andExpect(status().isOk());
		mvc.perform(get("/console/chats/" + caseB.conversationId()).with(as(task))).andExpect(status().isOk());
		assertQueue(task, false, true);

		clock.shift(Duration.ofHours(2).plusMinutes(1));
		mvc.perform(get("/console/cases/" + caseB.number()).with(as(task))).andExpect(status().isNotFound());
		mvc.perform(get("/console/chats/" + caseB.conversationId()).with(as(task))).andExpect(status().isNotFound());
		assertQueue(task, false, false);
		assertThat(audit.search(new AuditFilter(null, "grant.issued", "conversation", String.valueOf(caseB.conversationId()), null, null), new Page.Request(0, 50)).items())
			.anyMatch(e -> String.valueOf(caseB.conversationId()).equals(e.subjectId()));
	}

	@Test
	void aRevokedGrantEndsAtOnceAndOnlyGrantingRolesMayGrant() throws Exception {
		// a duty agent may not share, and a refused grant leaves nothing
		mvc.perform(post("/console/chats/" + caseA.conversationId() + "/grants").param("grantee", String.valueOf(task.id()))
			.with(as(duty)).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(access.grants(caseA.conversationId())).isEmpty();
		// an expiry in the past is refused
		String past = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofHours(1)), ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.MINUTES).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
		mvc.perform(post("/console/chats/" + caseB.conversationId() + "/grants").param("grantee", String.valueOf(task.id()))
			.param("expires", past).with(as(manager)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(access.grants(caseB.conversationId())).isEmpty();

		mvc.perform(post("/console/chats/" + caseB.conversationId() + "/grants").param("grantee", String.valueOf(task.id()))
			.with(as(supervisor)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/console/cases/" + caseB.number()).with(as(task))).andExpect(status().isOk());
		long grantId = access.grants(caseB.conversationId()).getFirst().id();
		// the grantee cannot revoke or re-share; the granter can revoke
		mvc.perform(post("/console/chats/" + caseB.conversationId() + "/grants/" + grantId + "/revoke").with(as(task))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/console/chats/" + caseB.conversationId() + "/grants/" + grantId + "/revoke").with(as(supervisor))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/console/cases/" + caseB.number()).with(as(task))).andExpect(status().isNotFound());
		assertThat(audit.search(new AuditFilter(null, "grant.revoked", "conversation", String.valueOf(caseB.conversationId()), null, null), new Page.Request(0, 50)).items())
			.anyMatch(e -> String.valueOf(caseB.conversationId()).equals(e.subjectId()));
	}

	@Test
	void theComplianceViewerReadsTheAuditLogAndNoCase() throws Exception {
		mvc.perform(get("/console").with(as(compliance))).andExpect(redirectedUrl("/console/admin/audit"));
		mvc.perform(get("/console/admin/audit").with(as(compliance))).andExpect(status().isOk());
		mvc.perform(get("/console/admin/audit/export.csv").with(as(compliance))).andExpect(status().isOk());
		mvc.perform(get("/console/cases").with(as(compliance))).andExpect(status().isForbidden());
		mvc.perform(get("/console/cases/" + caseA.number()).with(as(compliance))).andExpect(status().isForbidden());
		mvc.perform(get("/console/chats").with(as(compliance))).andExpect(status().isForbidden());
		mvc.perform(get("/console/admin/agents").with(as(compliance))).andExpect(status().isForbidden());
		// and no one but admins and compliance viewers reads the audit log
		mvc.perform(get("/console/admin/audit").with(as(supervisor))).andExpect(status().isForbidden());
	}

	@Test
	void liveSignalsReachOnlyThoseWhoSeeTheirSubject() {
		LiveSignal aChanged = LiveSignal.caseChanged(caseA.id(), teamA.id());
		LiveSignal bChanged = LiveSignal.caseChanged(caseB.id(), teamB.id());
		LiveSignal bChat = LiveSignal.conversation(caseB.conversationId(), teamB.id());
		assertThat(live.mayHear(principal(duty), aChanged)).isTrue();
		assertThat(live.mayHear(principal(duty), bChanged)).isFalse();
		assertThat(live.mayHear(principal(duty), bChat)).isFalse();
		assertThat(live.mayHear(principal(manager), bChat)).isTrue();
		assertThat(live.mayHear(principal(manager), bChanged)).isTrue();
		assertThat(live.mayHear(principal(compliance), aChanged)).isFalse();
		assertThat(live.mayHear(principal(supervisor), bChanged)).isTrue();
		assertThat(live.mayHear(principal(task), aChanged)).isFalse();
	}

	private void assertQueue(Agent agent, boolean seesA, boolean seesB) throws Exception {
		String page = mvc.perform(get("/console/cases").param("q", marker).with(as(agent)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.contains(caseA.number())).as("%s sees %s", agent.role(), caseA.number()).isEqualTo(seesA);
		assertThat(page.contains(caseB.number())).as("%s sees %s", agent.role(), caseB.number()).isEqualTo(seesB);
	}

	private static AgentPrincipal principal(Agent agent) {
		return new AgentPrincipal(agent.id(), agent.username(), "{noop}unused", agent.role(), true);
	}
}
