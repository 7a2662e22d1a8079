package org.ombud.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.portal.Fixtures.escaped;
import static org.ombud.portal.Fixtures.fieldErrors;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.Evidence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class ReportFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseManagement cases;

	/**
	 * A form a person would send, consent given, in English; {@code changes} (name, value, name, value…)
	 * replace or add fields.
	 */
	private MockMultipartHttpServletRequestBuilder validForm(String email, String... changes) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("category", "content");
		fields.put("subcategory", "games");
		fields.put("description", "A streamer insulted me in the chat during a live game.");
		fields.put("reportedObject", "https://example.org/stream/42");
		fields.put("name", "Alex Example");
		fields.put("email", email);
		fields.put("phone", "");
		fields.put("consent", "on");
		for (int i = 0; i < changes.length; i += 2) {
			fields.put(changes[i], changes[i + 1]);
		}
		MockMultipartHttpServletRequestBuilder form = multipart("/report");
		fields.forEach(form::param);
		form.locale(Locale.ENGLISH).with(csrf());
		return form;
	}

	private String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private String text(String key, Locale locale, Object... args) {
		return escaped(messages.getMessage(key, args, locale));
	}

	@Autowired
	org.springframework.context.MessageSource messages;

	@Test
	void theRootLeadsToTheForm() throws Exception {
		mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/report"));
	}

	@Test
	void theFormSpeaksEnglishRussianAndChinese() throws Exception {
		String en = html(mvc.perform(get("/report").param("lang", "en")).andExpect(status().isOk()).andReturn());
		assertThat(en).contains("<html lang=\"en\"", "Report a problem", "Kind of problem", ">Content<",
				">Games<", "Up to 5 files, at most 10 MB each", "I agree that Ombud processes", "name=\"_csrf\"",
				"enctype=\"multipart/form-data\"");

		String ru = html(mvc.perform(get("/report").param("lang", "ru")).andExpect(status().isOk()).andReturn());
		assertThat(ru).contains("<html lang=\"ru\"", "Сообщить о проблеме", "Вид проблемы", ">Контент<", ">Игры<",
				"До 5 файлов, не более 10 МБ каждый", "Я согласен(на) на обработку");

		String zh = html(mvc.perform(get("/report").param("lang", "zh")).andExpect(status().isOk()).andReturn());
		assertThat(zh).contains("<html lang=\"zh\"", "提交问题", "问题类型", ">内容<", ">游戏<", "最多 5 个文件",
				"我同意 Ombud 处理");
	}

	@Test
	void theBrowserLanguageIsTheDefault() throws Exception {
		String zh = html(mvc.perform(get("/report").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(zh).contains("<html lang=\"zh\"", "提交问题");
		String fallback = html(mvc.perform(get("/report").header("Accept-Language", "de-DE"))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(fallback).contains("<html lang=\"en\"", "Report a problem");
	}

	@Test
	void theFormHasNoInlineScriptsOrStyles() throws Exception {
		MvcResult result = mvc.perform(get("/report")).andExpect(status().isOk()).andReturn();
		String html = html(result);
		assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=", "<style", "onclick");
		assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'");
		assertThat(result.getResponse().getHeader("Permissions-Policy")).contains("camera=()", "geolocation=()");
		assertThat(result.getResponse().getHeader("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
		assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void aValidFormOpensExactlyOneCaseAndShowsItsNumber() throws Exception {
		long before = Fixtures.caseCount(cases);
		MockMultipartFile screenshot = new MockMultipartFile("evidence", "screenshot.png", "image/png", Fixtures.png());
		MockMultipartFile noFile = new MockMultipartFile("evidence", "", "application/octet-stream", new byte[0]);

		MvcResult posted = mvc.perform(validForm(Fixtures.email()).file(screenshot).file(noFile))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/report/receipt"))
			.andReturn();
		assertThat(Fixtures.caseCount(cases)).isEqualTo(before + 1);

		String number = (String) posted.getFlashMap().get("number");
		String token = (String) posted.getFlashMap().get("statusToken");
		CaseView opened = cases.find(number).orElseThrow();
		assertThat(opened.channel()).isEqualTo("webform");
		assertThat(opened.locale()).isEqualTo("en");
		assertThat(opened.reportedObject()).isEqualTo("https://example.org/stream/42");
		assertThat(cases.evidence(opened.id())).extracting(Evidence::fileName).containsExactly("screenshot.png");

		String receipt = html(mvc.perform(get("/report/receipt").cookie(posted.getResponse().getCookie("SESSION")))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(receipt).contains("class=\"case-number\" id=\"case-number\">" + number + "<",
				"/status/" + token, "Keep this link safe");
		// the receipt shows once, so its language switch leads on to the lasting status page
		assertThat(receipt).contains("href=\"/status/" + token + "?lang=ru\"");

		// reloading the receipt finds no flash attributes: nothing is sent again, the person lands on the form
		mvc.perform(get("/report/receipt")).andExpect(redirectedUrl("/report"));
		assertThat(Fixtures.caseCount(cases)).isEqualTo(before + 1);
	}

	@Test
	void theCaseSpeaksThePageLanguage() throws Exception {
		MvcResult posted = mvc.perform(validForm(Fixtures.email(), "lang", "zh"))
			.andExpect(redirectedUrl("/report/receipt"))
			.andReturn();
		assertThat(cases.find((String) posted.getFlashMap().get("number")).orElseThrow().locale()).isEqualTo("zh");
	}

	@Test
	void aMissingDescriptionIsShownNextToItAndNothingIsStored() throws Exception {
		long before = Fixtures.caseCount(cases);
		String email = Fixtures.email();
		String html = html(mvc.perform(validForm(email, "description", "   "))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(fieldErrors(html, "description")).containsExactly(text("error.required", Locale.ENGLISH));
		// what the person typed is still there
		assertThat(html).contains("value=\"" + email + "\"", "value=\"Alex Example\"",
				"value=\"https://example.org/stream/42\"", "<option value=\"content\" selected=\"selected\">",
				"<option value=\"games\" selected=\"selected\">", "id=\"consent\" name=\"consent\" value=\"on\" required checked");
		assertThat(Fixtures.caseCount(cases)).isEqualTo(before);
	}

	@Test
	void aBadEmailAddressIsRefused() throws Exception {
		assertRefused(validForm("not-an-address@"), "email", text("error.email", Locale.ENGLISH));
	}

	@Test
	void aBadPhoneNumberIsRefused() throws Exception {
		assertRefused(validForm("", "phone", "12345"), "phone", text("error.phone", Locale.ENGLISH));
	}

	@Test
	void noWayToReachThePersonIsRefused() throws Exception {
		assertRefused(validForm(""), "email", text("error.contact.required", Locale.ENGLISH));
	}

	@Test
	void anUnknownCategoryIsRefused() throws Exception {
		assertRefused(validForm(Fixtures.email(), "category", "no-such-category"), "category",
				text("error.category.unknown", Locale.ENGLISH));
	}

	@Test
	void aSubcategoryOfAnotherCategoryIsRefused() throws Exception {
		assertRefused(validForm(Fixtures.email(), "subcategory", "billing"), "subcategory",
				text("error.subcategory.unknown", Locale.ENGLISH));
	}

	@Test
	void missingConsentIsRefused() throws Exception {
		MockMultipartHttpServletRequestBuilder form = multipart("/report");
		form.param("category", "content")
			.param("description", "Something happened.")
			.param("email", Fixtures.email())
			.locale(Locale.ENGLISH)
			.with(csrf());
		assertRefused(form, "consent", text("portal.error.consent", Locale.ENGLISH));
	}

	@Test
	void missingConsentIsExplainedInRussian() throws Exception {
		String html = assertRefused(validForm(Fixtures.email(), "consent", "").locale(Locale.forLanguageTag("ru")),
				"consent", "Пожалуйста, дайте согласие на обработку персональных данных: без него мы не можем рассмотреть жалобу.");
		assertThat(html).contains("<html lang=\"ru\"", "Пожалуйста, проверьте следующее");
	}

	@Test
	void aBadEmailIsExplainedInChinese() throws Exception {
		String html = assertRefused(validForm("bad@@example").locale(Locale.forLanguageTag("zh")), "email",
				"这不是有效的电子邮件地址。");
		assertThat(html).contains("<html lang=\"zh\"");
	}

	@Test
	void aTextFileRenamedToPngIsRefused() throws Exception {
		MockMultipartFile fake = new MockMultipartFile("evidence", "photo.png", "image/png",
				"#!/bin/sh\necho not an image\n".getBytes(StandardCharsets.UTF_8));
		assertRefused(validForm(Fixtures.email()).file(fake), "evidence",
				text("error.evidence.type", Locale.ENGLISH, "photo.png"));
	}

	@Test
	void tooManyFilesAreRefused() throws Exception {
		MockMultipartHttpServletRequestBuilder form = validForm(Fixtures.email());
		for (int i = 0; i < 6; i++) {
			form.file(new MockMultipartFile("evidence", "shot-" + i + ".png", "image/png", Fixtures.png()));
		}
		assertRefused(form, "evidence", text("error.evidence.count", Locale.ENGLISH, 5));
	}

	@Test
	void overlongFieldsAreRefused() throws Exception {
		String html = assertRefused(validForm(Fixtures.email(), "description", "x".repeat(10_001), "name",
				"n".repeat(201), "reportedObject", "https://example.org/" + "o".repeat(2048)), "description",
				text("error.length", Locale.ENGLISH, 1, 10_000));
		assertThat(fieldErrors(html, "name")).containsExactly(text("error.length", Locale.ENGLISH, 0, 200));
		assertThat(fieldErrors(html, "reportedObject")).containsExactly(text("error.length", Locale.ENGLISH, 0, 2048));
	}

	@Test
	void controlCharactersInTheLinkAreRefused() throws Exception {
		assertRefused(validForm(Fixtures.email(), "reportedObject", "https://example.org/\u0000evil"),
				"reportedObject", text("error.reportedObject", Locale.ENGLISH));
	}

	@Test
	void everyProblemIsShownAtOnce() throws Exception {
		MockMultipartHttpServletRequestBuilder form = multipart("/report");
		form.param("category", "nope").param("email", "x").param("phone", "1").locale(Locale.ENGLISH).with(csrf());
		String html = assertRefused(form, "category", text("error.category.unknown", Locale.ENGLISH));
		assertThat(fieldErrors(html, "description")).isNotEmpty();
		assertThat(fieldErrors(html, "email")).isNotEmpty();
		assertThat(fieldErrors(html, "phone")).isNotEmpty();
		assertThat(fieldErrors(html, "consent")).isNotEmpty();
	}

	@Test
	void htmlInTheFormIsShownInertWhenItComesBack() throws Exception {
		String attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
		String html = assertRefused(validForm(Fixtures.email(), "description", attack, "name", attack, "consent", ""),
				"consent", text("portal.error.consent", Locale.ENGLISH));
		assertThat(html).doesNotContain("<script>alert", "<img src=x").contains(escaped(attack));
	}

	@Test
	void aFormWithoutCsrfTokenIsRefused() throws Exception {
		long before = Fixtures.caseCount(cases);
		MockMultipartHttpServletRequestBuilder form = multipart("/report");
		form.param("category", "content").param("description", "x").param("email", Fixtures.email())
			.param("consent", "on");
		mvc.perform(form).andExpect(status().isForbidden());
		assertThat(Fixtures.caseCount(cases)).isEqualTo(before);
	}

	/** Sends the form, expects 422 with the message next to the field, and that no case was opened. */
	private String assertRefused(MockMultipartHttpServletRequestBuilder form, String field, String message)
			throws Exception {
		long before = Fixtures.caseCount(cases);
		String html = html(mvc.perform(form).andExpect(status().isUnprocessableContent()).andReturn());
		assertThat(fieldErrors(html, field)).contains(message);
		assertThat(html).contains("class=\"error-summary\"", "href=\"#" + field + "\"");
		assertThat(Fixtures.caseCount(cases)).isEqualTo(before);
		return html;
	}
}
