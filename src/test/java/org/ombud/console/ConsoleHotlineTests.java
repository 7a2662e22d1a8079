package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.cases.Priority;
import org.ombud.cases.QueueFilter;
import org.ombud.cases.TimelineEntry;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contact;
import org.ombud.contacts.Contacts;
import org.ombud.identity.Agent;
import org.ombud.identity.Team;
import org.ombud.shared.Actor;
import org.ombud.shared.Page;
import org.springframework.beans.factory.annotation.Autowired;

class ConsoleHotlineTests extends ConsoleTestSupport {

	@Autowired
	Contacts contacts;

	Team team;

	Category category;

	Agent agent;

	@BeforeEach
	void setUp() {
		team = team();
		category = category(team);
		agent = agent("en");
	}

	@Test
	void formOffersTheCatalogueAndTheCallersLanguage() throws Exception {
		String html = mvc.perform(get("/console/cases/new").with(as(agent)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("New hotline case", "name=\"phone\"", "value=\"" + category.key() + "/sub\"",
				"<option value=\"ru\">Русский</option>", "name=\"_csrf\"");
	}

	@Test
	void agentLogsACallAsAPhoneCase() throws Exception {
		String phone = "+7 916 " + String.format("%07d", new java.util.Random().nextInt(10_000_000));
		org.springframework.test.web.servlet.MvcResult created = mvc.perform(post("/console/cases/new").with(as(agent)).with(csrf())
			.param("name", "Вера Звонкова")
			.param("phone", phone)
			.param("email", "")
			.param("language", "ru")
			.param("category", category.key() + "/sub")
			.param("description", "Звонок: мошенник <script>x</script> просит деньги")
			.param("reportedObject", "user:scammer")
			.param("priority", "HIGH"))
			.andDo(r -> assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302))
			.andExpect(flash().attribute("notice", "console.hotline.created"))
			.andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).matches("/console/cases/C-\\d{4}-\\d{6,}");
		CaseView c = cases.find(location.substring(location.lastIndexOf('/') + 1)).orElseThrow();
		assertThat(c.channel()).isEqualTo("phone");
		assertThat(c.locale()).isEqualTo("ru");
		assertThat(c.priority()).isEqualTo(Priority.HIGH);
		assertThat(c.teamId()).isEqualTo(team.id());
		assertThat(c.subcategoryId()).isNotNull();
		assertThat(c.reportedObject()).isEqualTo("user:scammer");
		Contact caller = contacts.contact(c.contactId()).orElseThrow();
		assertThat(caller.identity(ChannelIdentity.PHONE)).hasValue(phone.replace(" ", ""));
		assertThat(cases.timeline(c.id(), false))
			.filteredOn(e -> e.kind() == TimelineEntry.Kind.OPENED)
			.extracting(TimelineEntry::actor)
			.containsExactly(Actor.agent(agent.id()));

		// the notice travels in the session, as it does for a browser following the redirect
		String page = mvc.perform(get(location).with(as(agent)).cookie(created.getResponse().getCookie("SESSION")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("The case is open. Give the caller its number: " + c.number() + ".");
		assertThat(page).contains("Hotline", "Вера Звонкова", phone.replace(" ", ""), "Русский",
				"&lt;script&gt;x&lt;/script&gt;");
		assertThat(page).containsPattern("(?s)<strong>" + agent.displayName() + "</strong>\\s*<span class=\"kind\">opened the case");
	}

	@Test
	void phoneIsRequiredAndBadInputIsShownWithoutStoringAnything() throws Exception {
		String marker = unique("hot");
				String html = mvc.perform(post("/console/cases/new").with(as(agent(ru()))).with(csrf())
			.param("name", marker)
			.param("phone", "")
			.param("email", "not-an-address")
			.param("language", "en")
			.param("category", "")
			.param("description", "Something " + marker))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(html).contains("Это поле обязательно.", "Это не похоже на адрес электронной почты.")
			.contains("value=\"" + marker + "\"", "Something " + marker);
		assertThat(found(marker)).isZero();

		String badPhone = mvc.perform(post("/console/cases/new").with(as(agent)).with(csrf())
			.param("phone", "12")
			.param("name", marker)
			.param("category", category.key())
			.param("description", "x " + marker))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(badPhone).contains("This is not a valid phone number");

		String unknownCategory = mvc.perform(post("/console/cases/new").with(as(agent)).with(csrf())
			.param("phone", "+447911123456")
			.param("category", "no-such-category")
			.param("name", marker)
			.param("description", "x " + marker))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString();
		assertThat(unknownCategory).contains("Choose one of the listed kinds of problem.");
		assertThat(found(marker)).isZero();
	}

	private Agent agent(java.util.Locale locale) {
		return agent(locale.getLanguage());
	}

	/** Cases whose text holds the marker, in any status. */
	private long found(String marker) {
		return cases.queue(new QueueFilter(null, null, null, null, marker, false), new Page.Request(0, 1)).total();
	}
}
