package org.ombud.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.portal.Fixtures.escaped;
import static org.ombud.portal.Fixtures.fieldErrors;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;


import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.Evidence;
import org.ombud.cases.EvidenceFile;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.shared.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

@SpringBootTest
@AutoConfigureMockMvc
class StatusPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	MessageSource messages;

	private String html(ResultActions actions) throws Exception {
		return actions.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String page(String path, Locale locale) throws Exception {
		return html(mvc.perform(get(path).locale(locale)).andExpect(status().isOk()));
	}

	@Test
	void theStatusPageShowsTheCaseInThePersonsLanguage() throws Exception {
		Receipt receipt = Fixtures.openCase(intake, Fixtures.email(), "Someone copied my video.");
		String en = page("/status/" + receipt.statusToken(), Locale.ENGLISH);
		assertThat(en).contains(receipt.number(), "id=\"case-status\">New<", "Content — Games", "Case opened",
				"Someone copied my video.", "<time datetime=\"");
		String ru = page("/status/" + receipt.statusToken(), Locale.forLanguageTag("ru"));
		assertThat(ru).contains("<html lang=\"ru\"", "id=\"case-status\">Новое<", "Контент — Игры", "Обращение создано");
		String zh = page("/status/" + receipt.statusToken(), Locale.forLanguageTag("zh"));
		assertThat(zh).contains("<html lang=\"zh\"", "id=\"case-status\">新建<", "内容 — 游戏", "工单已创建");
	}

	@Test
	void repliesShowAndInternalNotesNever() throws Exception {
		Receipt receipt = Fixtures.openCase(intake, Fixtures.email(), "My account was blocked without reason.");
		long id = receipt.caseView().id();
		cases.note(id, "INTERNAL: the user has three earlier strikes", Actor.SYSTEM);
		cases.reply(id, "We are looking into it and will write again within two days.", Actor.SYSTEM);
		cases.changeStatus(id, CaseStatus.AWAITING_COMPLAINANT, Actor.SYSTEM);

		String html = page("/status/" + receipt.statusToken(), Locale.ENGLISH);
		assertThat(html).contains("Reply from the support team",
				"We are looking into it and will write again within two days.",
				"Status changed to: Awaiting complainant", "id=\"case-status\">Awaiting complainant<")
			.doesNotContain("INTERNAL", "three earlier strikes");
	}

	@Test
	void thePersonCanWriteAgainWithEvidence() throws Exception {
		Receipt receipt = Fixtures.openCase(intake, Fixtures.email(), "Harassment in comments.");
		long id = receipt.caseView().id();
		cases.changeStatus(id, CaseStatus.AWAITING_COMPLAINANT, Actor.SYSTEM);
		String path = "/status/" + receipt.statusToken();

		MvcResult sent = mvc.perform(multipart(path + "/messages")
			.file(new MockMultipartFile("evidence", "скрин 1.png", "image/png", Fixtures.png()))
			.param("body", "Here is the screenshot you asked for. 😀 截图")
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl(path))
			.andExpect(r -> assertThat(r.getFlashMap().get("sent")).isEqualTo(true))
			.andReturn();

		assertThat(cases.get(id).orElseThrow().status()).isEqualTo(CaseStatus.INVESTIGATING);
		// the notice travels in the session, as it does for a browser following the redirect
		String html = html(mvc.perform(get(path).cookie(sent.getResponse().getCookie("SESSION")).locale(Locale.ENGLISH)));
		assertThat(html).contains("Your message has been added to the case.", "You wrote",
				"Here is the screenshot you asked for. 😀 截图", "You sent a file", "скрин 1.png");
	}

	@Test
	void anEmptyMessageIsRefusedAndNothingIsAdded() throws Exception {
		Receipt receipt = Fixtures.openCase(intake, Fixtures.email(), "Something else.");
		long id = receipt.caseView().id();
		int before = cases.timeline(id, false).size();
		String html = html(mvc.perform(multipart("/status/" + receipt.statusToken() + "/messages")
			.file(new MockMultipartFile("evidence", "a.png", "image/png", Fixtures.png()))
			.param("body", " ")
			.locale(Locale.forLanguageTag("zh"))
			.with(csrf())).andExpect(status().isUnprocessableContent()));
		assertThat(fieldErrors(html, "body")).containsExactly("此项为必填项。");
		assertThat(cases.timeline(id, false)).hasSize(before);
		assertThat(cases.evidence(id)).isEmpty();
	}

	@Test
	void aClosedCaseShowsItIsClosedAndTakesNoMessages() throws Exception {
		Receipt receipt = Fixtures.openCase(intake, Fixtures.email(), "Please delete my data.");
		long id = receipt.caseView().id();
		cases.changeStatus(id, CaseStatus.RESOLVED, Actor.SYSTEM);
		cases.changeStatus(id, CaseStatus.CLOSED, Actor.SYSTEM);
		String path = "/status/" + receipt.statusToken();

		String html = page(path, Locale.ENGLISH);
		assertThat(html).contains("This case is closed and takes no more messages", "id=\"case-status\">Closed<")
			.doesNotContain("/messages\"", "name=\"body\"");

		int before = cases.timeline(id, false).size();
		String refused = html(mvc.perform(multipart(path + "/messages").param("body", "One more thing")
			.locale(Locale.forLanguageTag("ru"))
			.with(csrf())).andExpect(status().isUnprocessableContent()));
		assertThat(refused).contains("Обращение закрыто и больше не принимает сообщений.");
		assertThat(cases.timeline(id, false)).hasSize(before);
		assertThat(cases.get(id).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void htmlAndScriptsInWhatPeopleWriteAreShownInert() throws Exception {
		String attack = "<script>alert('pwned')</script> <b onmouseover=\"x()\">bold</b> & 😀 混合 текст";
		Receipt receipt = Fixtures.openCase(intake, Fixtures.email(), attack);
		cases.reply(receipt.caseView().id(), "<img src=x onerror=alert(2)>", Actor.SYSTEM);
		String html = page("/status/" + receipt.statusToken(), Locale.ENGLISH);
		assertThat(html).contains(escaped(attack), escaped("<img src=x onerror=alert(2)>"))
			.doesNotContain("<script>alert", "<b onmouseover", "<img src=x");
	}

	@Test
	void anUnknownLinkIsALocalisedNotFound() throws Exception {
		String en = html(mvc.perform(get("/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").locale(Locale.ENGLISH))
			.andExpect(status().isNotFound()));
		assertThat(en).contains("Page not found", "There is nothing at this address.");
		String ru = html(mvc.perform(get("/status/" + "x".repeat(300)).locale(Locale.forLanguageTag("ru")))
			.andExpect(status().isNotFound()));
		assertThat(ru).contains("Страница не найдена");
		mvc.perform(multipart("/status/nope/messages").param("body", "hello").with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(get("/status/nope/evidence/1")).andExpect(status().isNotFound());
	}

	@Test
	void theAddressOfTheMessageFormLeadsBackToThePage() throws Exception {
		Receipt receipt = Fixtures.openCase(intake, Fixtures.email(), "Reload me.");
		mvc.perform(get("/status/" + receipt.statusToken() + "/messages"))
			.andExpect(redirectedUrl("/status/" + receipt.statusToken()));
		mvc.perform(get("/status/case/messages")).andExpect(redirectedUrl("/status/case"));
	}

	@Test
	void thePersonDownloadsTheirOwnEvidenceAsAnAttachment() throws Exception {
		byte[] png = Fixtures.png();
		Receipt receipt = Fixtures.openCase(intake, Fixtures.email(), "See the picture.",
				new EvidenceFile("фото \"1\".png", png));
		Evidence evidence = cases.evidence(receipt.caseView().id()).getFirst();
		String path = "/status/" + receipt.statusToken();
		assertThat(page(path, Locale.ENGLISH)).contains("href=\"" + path + "/evidence/" + evidence.id() + "\"");

		MvcResult download = mvc.perform(get(path + "/evidence/" + evidence.id()))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Type", "image/png"))
			.andReturn();
		String disposition = download.getResponse().getHeader("Content-Disposition");
		assertThat(disposition).startsWith("attachment; ")
			.contains("filename*=UTF-8''%D1%84%D0%BE%D1%82%D0%BE%201.png");
		assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(png);
	}

	@Test
	void evidenceOfAnotherCaseOrByAnAgentIsNotServed() throws Exception {
		Receipt mine = Fixtures.openCase(intake, Fixtures.email(), "Mine.");
		Receipt theirs = Fixtures.openCase(intake, Fixtures.email(), "Theirs.", new EvidenceFile("a.png", Fixtures.png()));
		long theirEvidence = cases.evidence(theirs.caseView().id()).getFirst().id();
		mvc.perform(get("/status/" + mine.statusToken() + "/evidence/" + theirEvidence))
			.andExpect(status().isNotFound());

		long agentFile = cases.attachEvidence(mine.caseView().id(),
				java.util.List.of(new EvidenceFile("internal.png", Fixtures.png())), Actor.SYSTEM).getFirst().id();
		mvc.perform(get("/status/" + mine.statusToken() + "/evidence/" + agentFile)).andExpect(status().isNotFound());
		assertThat(page("/status/" + mine.statusToken(), Locale.ENGLISH)).doesNotContain("internal.png");
		mvc.perform(get("/status/" + mine.statusToken() + "/evidence/not-a-number")).andExpect(status().isNotFound());
	}

	@Test
	void aLookUpByNumberAndEmailShowsTheCaseWithoutItsSecretLink() throws Exception {
		String email = Fixtures.email();
		Receipt receipt = Fixtures.openCase(intake, email, "Lost access to my account.");
		assertThat(html(mvc.perform(get("/status").locale(Locale.ENGLISH)).andExpect(status().isOk())))
			.contains("Check a case", "name=\"number\"", "name=\"email\"", "name=\"_csrf\"");

		MvcResult found = mvc.perform(post("/status").param("number", " " + receipt.number().toLowerCase() + " ")
			.param("email", email.toUpperCase())
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/status/case"))
			.andReturn();
		// the session lives in the database; the browser carries only its cookie
		Cookie session = found.getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();

		String html = html(mvc.perform(get("/status/case").cookie(session).locale(Locale.ENGLISH))
			.andExpect(status().isOk()));
		assertThat(html).contains(receipt.number(), "Lost access to my account.", "action=\"/status/case/messages\"")
			.doesNotContain(receipt.statusToken());

		mvc.perform(multipart("/status/case/messages").param("body", "Any news?").cookie(session).with(csrf()))
			.andExpect(redirectedUrl("/status/case"));
		assertThat(page("/status/" + receipt.statusToken(), Locale.ENGLISH)).contains("Any news?");

		// without the look-up in this session there is nothing to see
		mvc.perform(get("/status/case")).andExpect(redirectedUrl("/status"));
	}

	@Test
	void aFailedLookUpSaysTheSameWhicheverPartWasWrong() throws Exception {
		String email = Fixtures.email();
		Receipt receipt = Fixtures.openCase(intake, email, "Spam account.");
		String neutral = escaped(messages.getMessage("portal.lookup.notFound", null, Locale.ENGLISH));

		String wrongEmail = html(mvc.perform(post("/status").param("number", receipt.number())
			.param("email", Fixtures.email())
			.locale(Locale.ENGLISH)
			.with(csrf())).andExpect(status().isUnprocessableContent()));
		String wrongNumber = html(mvc.perform(post("/status").param("number", "C-1999-999999")
			.param("email", email)
			.locale(Locale.ENGLISH)
			.with(csrf())).andExpect(status().isUnprocessableContent()));
		String garbage = html(mvc.perform(post("/status").param("number", "<script>")
			.param("email", "")
			.locale(Locale.ENGLISH)
			.with(csrf())).andExpect(status().isUnprocessableContent()));
		assertThat(wrongEmail).contains(neutral);
		assertThat(wrongNumber).contains(neutral);
		assertThat(garbage).contains(neutral).doesNotContain("value=\"<script>\"");

		String zh = html(mvc.perform(post("/status").param("number", receipt.number())
			.param("email", "nobody@example.org")
			.locale(Locale.forLanguageTag("zh"))
			.with(csrf())).andExpect(status().isUnprocessableContent()));
		assertThat(zh).contains("未找到与此编号和电子邮件地址匹配的工单");
	}
}
