package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.cases.Evidence;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.Priority;
import org.ombud.cases.TimelineEntry;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.shared.Actor;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class ConsoleCaseTests extends ConsoleTestSupport {

	Team team;

	Category category;

	Agent agent;

	CaseView c;

	@BeforeEach
	void aCase() {
		team = team();
		category = category(team);
		agent = agent(Role.DUTY_AGENT, "en", team);
		c = newCase(category, "My account was copied by someone\nThey use my photos.");
	}

	@Test
	void casePageShowsHeaderAndTimelineWithReplyAndNote() throws Exception {
		cases.reply(c.id(), "We are looking into it.", Actor.agent(agent.id()));
		cases.note(c.id(), "Check the photos first", Actor.agent(agent.id()));
		String html = page(c);
		assertThat(html).contains(c.number(), "My account was copied by someone", "Complainant Person", "@example.com",
				"Cat " + category.key(), team.name(), "Web form", "New");
		assertThat(html).containsPattern("(?s)<li class=\"tl-inbound\">.*They use my photos\\.");
		assertThat(html).containsPattern("(?s)<li class=\"tl-outbound\">.*<strong>" + agent.displayName()
				+ "</strong>.*We are looking into it\\.");
		assertThat(html).containsPattern("(?s)<li class=\"tl-note\">.*internal.*Check the photos first");
		// only the statuses the transition table allows are offered
		assertThat(html).contains("<option value=\"TRIAGED\">", "<option value=\"RESOLVED\">")
			.doesNotContain("<option value=\"CLOSED\">");
	}

	@Test
	void reportedObjectUrlIsASafeLinkAndAnythingElseIsText() throws Exception {
		assertThat(page(c)).contains("<a href=\"https://social.example/p/1\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">");
		CaseView plain = intake.submit(new org.ombud.intake.Submission("webform", null, unique("x") + "@example.com",
				null, null, "en", category.key(), null, "text", "javascript:alert(1)", null, List.of(), Actor.CONTACT))
			.caseView();
		String html = page(plain);
		assertThat(html).contains("<span>javascript:alert(1)</span>").doesNotContain("href=\"javascript:");
	}

	@Test
	void scriptInADescriptionIsShownInert() throws Exception {
		CaseView evil = newCase(category, "<script>alert('x')</script> <b>bold</b> 🎮 Привет 你好");
		String html = page(evil);
		assertThat(html).doesNotContain("<script>alert", "<b>bold</b>")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; 🎮 Привет 你好");
		String queue = mvc.perform(get("/console/cases").param("q", "Привет 你好").with(as(agent)))
			.andReturn().getResponse().getContentAsString();
		assertThat(queue).contains(evil.number()).doesNotContain("<script>alert");
	}

	@Test
	void replyWithHtmxSwapsTheFormAndUpdatesTimelineOutOfBand() throws Exception {
		String html = htmx(post(url(c, "reply")).param("body", "Thanks, we have removed the copy."));
		assertThat(html).doesNotContain("<html", "class=\"topbar\"");
		assertThat(html.strip()).startsWith("<div class=\"action\" id=\"action-reply\">");
		assertThat(html).contains("id=\"case-header\" class=\"case-header\" hx-swap-oob=\"true\"",
				"id=\"case-timeline\" class=\"timeline\" hx-swap-oob=\"true\"");
		assertThat(html).containsPattern("(?s)<li class=\"tl-outbound\">.*<strong>" + agent.displayName()
				+ "</strong>.*Thanks, we have removed the copy\\.");
		// the fresh form is empty again
		assertThat(html).contains("required></textarea>");
		assertThat(messages(MessageKind.OUTBOUND)).containsExactly("Thanks, we have removed the copy.");
	}

	@Test
	void replyAndNoteWorkAsPlainFormsWithoutJavaScript() throws Exception {
		plain(post(url(c, "reply")).param("body", "Plain reply"));
		plain(post(url(c, "note")).param("body", "Plain note"));
		assertThat(messages(MessageKind.OUTBOUND)).containsExactly("Plain reply");
		assertThat(messages(MessageKind.NOTE)).containsExactly("Plain note");
		String html = page(c);
		assertThat(html).containsPattern("(?s)<li class=\"tl-note\">.*<strong>" + agent.displayName() + "</strong>.*Plain note");
	}

	@Test
	void noteWithHtmx() throws Exception {
		String html = htmx(post(url(c, "note")).param("body", "Internal only"));
		assertThat(html.strip()).startsWith("<div class=\"action note-action\" id=\"action-note\">");
		assertThat(html).containsPattern("(?s)<li class=\"tl-note\">.*internal.*Internal only");
		assertThat(messages(MessageKind.NOTE)).containsExactly("Internal only");
	}

	@Test
	void emptyReplyIsRefusedNextToTheFormAndNothingIsStored() throws Exception {
		String html = mvc.perform(htmxRequest(post(url(c, "reply")).param("body", "   ")))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html.strip()).startsWith("<div class=\"action\" id=\"action-reply\">");
		assertThat(html).contains("This field is required.").doesNotContain("hx-swap-oob");
		assertThat(messages(MessageKind.OUTBOUND)).isEmpty();
	}

	@Test
	void statusChangeWithHtmxAndPlainPost() throws Exception {
		String html = htmx(post(url(c, "status")).param("status", "TRIAGED"));
		assertThat(html.strip()).startsWith("<div class=\"action\" id=\"action-status\">");
		assertThat(html).containsPattern("(?s)<strong>" + agent.displayName()
				+ "</strong>\\s*<span class=\"kind\">changed the status</span>.*<span class=\"old\">New</span> → <span class=\"new\">Triaged</span>");
		// the form now offers what may follow TRIAGED
		assertThat(html).contains("<option value=\"INVESTIGATING\">").doesNotContain("<option value=\"TRIAGED\">");
		assertThat(reload(c).status()).isEqualTo(CaseStatus.TRIAGED);

		plain(post(url(c, "status")).param("status", "RESOLVED"));
		assertThat(reload(c).status()).isEqualTo(CaseStatus.RESOLVED);
		assertThat(page(c)).contains("<span class=\"old\">Triaged</span> → <span class=\"new\">Resolved</span>");
	}

	@Test
	void invalidTransitionShowsALocalisedErrorAndChangesNothing() throws Exception {
		Agent russian = agent(Role.DUTY_AGENT, "ru", team);
		int before = cases.timeline(c.id(), false).size();
		String html = mvc.perform(post(url(c, "status")).param("status", "CLOSED").header("HX-Request", "true")
			.with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Обращение нельзя перевести из статуса Новое в Закрыто.").doesNotContain("<html");
		assertThat(reload(c).status()).isEqualTo(CaseStatus.NEW);
		assertThat(cases.timeline(c.id(), false)).hasSize(before);

		String page = mvc.perform(post(url(c, "status")).param("status", "CLOSED").with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<html", "Обращение нельзя перевести из статуса Новое в Закрыто.");
		mvc.perform(post(url(c, "status")).param("status", "NONSENSE").with(as(russian)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(reload(c).status()).isEqualTo(CaseStatus.NEW);
	}

	@Test
	void assigneeChangesAndAssignToMe() throws Exception {
		Agent colleague = agent(Role.DUTY_AGENT, "en", team);
		String html = htmx(post(url(c, "assignee")).param("assignee", String.valueOf(colleague.id())));
		assertThat(html).contains("<span class=\"old\">Unassigned</span> → <span class=\"new\">" + colleague.displayName() + "</span>");
		assertThat(reload(c).assigneeId()).isEqualTo(colleague.id());
		// "assign to me" is offered while the case is someone else's
		assertThat(html).contains("<input type=\"hidden\" name=\"assignee\" value=\"me\">");

		plain(post(url(c, "assignee")).param("assignee", "me"));
		assertThat(reload(c).assigneeId()).isEqualTo(agent.id());
		assertThat(page(c)).contains("<span class=\"old\">" + colleague.displayName() + "</span> → <span class=\"new\">"
				+ agent.displayName() + "</span>");

		plain(post(url(c, "assignee")).param("assignee", ""));
		assertThat(reload(c).assigneeId()).isNull();

		mvc.perform(post(url(c, "assignee")).param("assignee", "999999999").with(as(agent)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(reload(c).assigneeId()).isNull();
	}

	@Test
	void priorityWithHtmxAndPlainPost() throws Exception {
		String html = htmx(post(url(c, "priority")).param("priority", "URGENT"));
		assertThat(html).contains("<span class=\"old\">Normal</span> → <span class=\"new\">Urgent</span>");
		assertThat(reload(c).priority()).isEqualTo(Priority.URGENT);
		plain(post(url(c, "priority")).param("priority", "LOW"));
		assertThat(reload(c).priority()).isEqualTo(Priority.LOW);
	}

	@Test
	void categoryAndSubcategoryWithHtmxAndPlainPost() throws Exception {
		Category other = category(team);
		String html = htmx(post(url(c, "category")).param("category", other.key() + "/sub"));
		assertThat(html).contains("<span class=\"old\">Cat " + category.key() + "</span> → <span class=\"new\">Cat "
				+ other.key() + " / Sub EN</span>");
		assertThat(reload(c).categoryId()).isEqualTo(other.id());
		assertThat(reload(c).subcategoryId()).isNotNull();

		plain(post(url(c, "category")).param("category", category.key()));
		assertThat(reload(c).categoryId()).isEqualTo(category.id());
		assertThat(reload(c).subcategoryId()).isNull();

		String refused = mvc.perform(htmxRequest(post(url(c, "category")).param("category", category.key() + "/nope")))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Choose one of the listed subcategories.");
	}

	@Test
	void teamWithHtmxAndPlainPost() throws Exception {
		Team other = team();
		directory.update(agent.id(), agent.displayName(), agent.role(), true, Set.of(team.id(), other.id()));
		String html = htmx(post(url(c, "team")).param("team", String.valueOf(other.id())));
		assertThat(html).contains("<span class=\"old\">" + team.name() + "</span> → <span class=\"new\">" + other.name() + "</span>");
		assertThat(reload(c).teamId()).isEqualTo(other.id());
		plain(post(url(c, "team")).param("team", String.valueOf(team.id())));
		assertThat(reload(c).teamId()).isEqualTo(team.id());
		mvc.perform(post(url(c, "team")).param("team", "x").with(as(agent)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void movingACaseOutOfTheAgentsSightTakesThemBackToTheQueue() throws Exception {
		Team other = team();
		mvc.perform(post(url(c, "team")).param("team", String.valueOf(other.id())).header("HX-Request", "true")
			.with(as(agent)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Redirect", "/console/cases"))
			.andExpect(content().string(""));
		assertThat(reload(c).teamId()).isEqualTo(other.id());
		mvc.perform(get(url(c, "")).with(as(agent))).andExpect(status().isNotFound());
	}

	@Test
	void actionsWithoutCsrfTokenAreForbiddenAndChangeNothing() throws Exception {
		mvc.perform(post(url(c, "reply")).param("body", "forged").with(as(agent))).andExpect(status().isForbidden());
		mvc.perform(post(url(c, "status")).param("status", "TRIAGED").header("HX-Request", "true").with(as(agent)))
			.andExpect(status().isForbidden());
		mvc.perform(post(url(c, "status")).param("status", "TRIAGED").with(as(agent)).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		assertThat(messages(MessageKind.OUTBOUND)).isEmpty();
		assertThat(reload(c).status()).isEqualTo(CaseStatus.NEW);
	}

	@Test
	void csrfTokenInTheHtmxHeaderIsAccepted() throws Exception {
		mvc.perform(post(url(c, "priority")).param("priority", "HIGH").header("HX-Request", "true").with(as(agent))
			.with(csrf().asHeader()))
			.andExpect(status().isOk());
		assertThat(reload(c).priority()).isEqualTo(Priority.HIGH);
	}

	@Test
	void evidenceUploadAndDownload() throws Exception {
		MockMultipartFile png = new MockMultipartFile("files", "скриншот 1.png", "image/png", png());
		String html = mvc.perform(multipart(url(c, "evidence")).file(png).header("HX-Request", "true").with(as(agent))
			.with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<Evidence> stored = cases.evidence(c.id());
		assertThat(stored).hasSize(1);
		Evidence evidence = stored.get(0);
		String link = url(c, "evidence/" + evidence.id());
		assertThat(html).contains("href=\"" + link + "\"", "скриншот 1.png", "image/png");

		MvcResult download = mvc.perform(get(link).with(as(agent))).andExpect(status().isOk()).andReturn();
		assertThat(download.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(download.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getResponse().getHeader("Content-Disposition")).isEqualTo(
				"attachment; filename=\"________ 1.png\"; filename*=UTF-8''%D1%81%D0%BA%D1%80%D0%B8%D0%BD%D1%88%D0%BE%D1%82%201.png");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(png());
	}

	@Test
	void evidenceAsPlainMultipartFormRedirects() throws Exception {
		mvc.perform(multipart(url(c, "evidence")).file(new MockMultipartFile("files", "a.png", "image/png", png()))
			.with(as(agent)).with(csrf()))
			.andExpect(redirectedUrl(url(c, "")));
		assertThat(cases.evidence(c.id())).hasSize(1);
	}

	@Test
	void disguisedOrMissingEvidenceIsRefusedWithTheReason() throws Exception {
		MockMultipartFile script = new MockMultipartFile("files", "cat.png", "image/png", "<script>alert(1)</script>".getBytes());
		String html = mvc.perform(multipart(url(c, "evidence")).file(script).header("HX-Request", "true").with(as(agent))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("The file cat.png is not an image");
		MockMultipartFile none = new MockMultipartFile("files", "", "application/octet-stream", new byte[0]);
		mvc.perform(multipart(url(c, "evidence")).file(none).with(as(agent)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(cases.evidence(c.id())).isEmpty();
	}

	@Test
	void evidenceOfAnotherCaseOrUnknownIsNotFound() throws Exception {
		CaseView other = newCase(category, "other");
		Evidence theirs = cases.attachEvidence(other.id(), List.of(new EvidenceFile("b.png", png())), Actor.SYSTEM).get(0);
		mvc.perform(get(url(c, "evidence/" + theirs.id())).with(as(agent))).andExpect(status().isNotFound());
		mvc.perform(get(url(c, "evidence/abc")).with(as(agent))).andExpect(status().isNotFound());
		mvc.perform(get(url(other, "evidence/" + theirs.id())).with(as(agent))).andExpect(status().isOk());
	}

	@Test
	void unknownCaseIsALocalisedNotFoundPage() throws Exception {
		String html = mvc.perform(get("/console/cases/C-1999-999999").with(as(agent(Role.DUTY_AGENT, "zh"))))
			.andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("未找到").doesNotContain("Exception", "at org.");
		mvc.perform(post("/console/cases/nonsense/reply").param("body", "x").with(as(agent)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void timelineNamesEveryKindOfActor() throws Exception {
		cases.changeStatus(c.id(), CaseStatus.AWAITING_COMPLAINANT, Actor.agent(agent.id()));
		cases.complainantWrites(c.id(), "Here is more", List.of(), Actor.CONTACT);
		String html = page(c);
		// the complainant's message moved the case back by itself
		assertThat(html).containsPattern("(?s)<strong>System</strong>\\s*<span class=\"kind\">changed the status</span>");
		assertThat(html).containsPattern("(?s)<strong>Complainant</strong>.*Here is more");
		assertThat(cases.timeline(c.id(), false)).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.STATUS);
	}

	private String page(CaseView view) throws Exception {
		return mvc.perform(get("/console/cases/" + view.number()).with(as(agent)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
	}

	private MockHttpServletRequestBuilder htmxRequest(MockHttpServletRequestBuilder request) {
		return request.header("HX-Request", "true").with(as(agent)).with(csrf());
	}

	private String htmx(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(htmxRequest(request)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private void plain(MockHttpServletRequestBuilder request) throws Exception {
		mvc.perform(request.with(as(agent)).with(csrf())).andExpect(redirectedUrl(url(c, "")));
	}

	private List<String> messages(MessageKind kind) {
		return cases.timeline(c.id(), false)
			.stream()
			.filter(e -> e.message() != null && e.message().kind() == kind)
			.map(e -> e.message().body())
			.distinct()
			.toList();
	}

	static String url(CaseView view, String action) {
		return "/console/cases/" + view.number() + (action.isEmpty() ? "" : "/" + action);
	}

	static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}
}
