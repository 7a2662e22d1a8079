package org.ombud.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.portal.Fixtures.caseCount;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseManagement;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The public pages' rate limits and robot trap, with small limits so that a test can reach them. */
@SpringBootTest(properties = { "ombud.portal.limits.form-per-address=3", "ombud.portal.limits.form-per-contact=2",
		"ombud.portal.limits.lookup-per-address=3", "ombud.portal.limits.status-per-address=5" })
@AutoConfigureMockMvc
class PublicLimitsTests {

	/** Each test comes from its own addresses, so no test uses up another's allowance. */
	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseManagement cases;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private static String address() {
		return "198.51.100." + ADDRESSES.incrementAndGet();
	}

	private MockMultipartHttpServletRequestBuilder form(String address, String email, Locale locale) {
		MockMultipartHttpServletRequestBuilder form = multipart("/report");
		form.param("category", "content")
			.param("description", "Someone posts my photos without asking.")
			.param("email", email)
			.param("consent", "on")
			.locale(locale)
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(address);
				return request;
			});
		return form;
	}

	@Test
	void oneAddressSendsAFewFormsAnHourThenIsToldWhenToComeBackAndNothingIsStored() throws Exception {
		String address = address();
		for (int i = 0; i < 3; i++) {
			mvc.perform(form(address, Fixtures.email(), Locale.ENGLISH)).andExpect(status().isFound());
		}
		long before = caseCount(cases);
		String page = mvc.perform(form(address, Fixtures.email(), Locale.forLanguageTag("ru")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("слишком много запросов").contains("Попробуйте снова через 20 мин");
		// the form comes back as typed
		assertThat(page).contains("Someone posts my photos without asking.");
		assertThat(caseCount(cases)).isEqualTo(before);

		// another address is not affected, and an hour later this one may send again
		mvc.perform(form(address(), Fixtures.email(), Locale.ENGLISH)).andExpect(status().isFound());
		clock.shift(Duration.ofMinutes(61));
		mvc.perform(form(address, Fixtures.email(), Locale.ENGLISH)).andExpect(status().isFound());
	}

	@Test
	void oneContactSendsAFewComplaintsAnHourFromWhereverItWrites() throws Exception {
		String email = Fixtures.email();
		mvc.perform(form(address(), email, Locale.ENGLISH)).andExpect(status().isFound());
		mvc.perform(form(address(), email.toUpperCase(), Locale.ENGLISH)).andExpect(status().isFound());
		long before = caseCount(cases);
		String page = mvc.perform(form(address(), email, Locale.CHINESE))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("请求过多");
		assertThat(caseCount(cases)).isEqualTo(before);
	}

	@Test
	void aRobotThatFillsTheHiddenFieldIsRefusedAndNothingIsStored() throws Exception {
		long before = caseCount(cases);
		String page = mvc.perform(form(address(), Fixtures.email(), Locale.ENGLISH).param("fax", "+1 555 0100"))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("The form could not be sent.");
		assertThat(caseCount(cases)).isEqualTo(before);

		String form = mvc.perform(get("/report").locale(Locale.ENGLISH))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("class=\"trap\"").contains("name=\"fax\"").contains("tabindex=\"-1\"");
	}

	@Test
	void guessingCaseNumbersAndAddressesStopsAfterAFewTries() throws Exception {
		String address = address();
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/status").param("number", "C-2026-00000" + i)
				.param("email", "guess@example.org")
				.with(csrf())
				.with(r -> {
					r.setRemoteAddr(address);
					return r;
				})).andExpect(status().isUnprocessableContent());
		}
		String page = mvc.perform(post("/status").param("number", "C-2026-000009")
			.param("email", "guess@example.org")
			.locale(Locale.ENGLISH)
			.with(csrf())
			.with(r -> {
				r.setRemoteAddr(address);
				return r;
			}))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Too many requests").contains("try again in 4 min");
	}

	@Test
	void statusPagesAreLimitedPerAddressToo() throws Exception {
		String address = address();
		for (int i = 0; i < 5; i++) {
			mvc.perform(get("/status/not-a-real-token-" + i).with(r -> {
				r.setRemoteAddr(address);
				return r;
			})).andExpect(status().isNotFound());
		}
		mvc.perform(get("/status/not-a-real-token").with(r -> {
			r.setRemoteAddr(address);
			return r;
		})).andExpect(status().isTooManyRequests());
	}
}
