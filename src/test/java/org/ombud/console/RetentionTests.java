package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.Priority;
import org.ombud.cases.QueueFilter;
import org.ombud.cases.Retention;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.intake.Channels;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Page;
import org.ombud.support.SampleFiles;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Closed cases keep their personal data for the retention period (a year here), then lose it while the cases
 * and their counts stay; a legal hold stops that; a person's data can be exported and erased on request.
 */
class RetentionTests extends ConsoleTestSupport {

	@Autowired
	Retention retention;

	@Autowired
	Contacts contacts;

	@Autowired
	Conversations conversations;

	@Autowired
	TestClock clock;

	@Value("${ombud.storage.dir}")
	Path storage;

	Category category;

	Agent supervisor;

	@BeforeEach
	void desk() {
		category = category(team());
		supervisor = agent(Role.SUPERVISOR, "en");
	}

	@AfterEach
	void time() {
		clock.reset();
	}

	@Test
	void aCaseClosedLongerThanAYearAgoLosesItsPersonalDataAndKeepsItsCounts() throws Exception {
		Receipt old = submit("old-" + unique(""));
		close(old.caseView());
		clock.shift(Duration.ofDays(2));
		Receipt recent = submit("recent-" + unique(""));
		close(recent.caseView());
		Path file = evidenceFile(old.caseView());
		long closedInCategory = closedCount();

		clock.shift(Duration.ofDays(364).plusHours(1));
		// the old one was closed 366 days ago, the recent one 364
		assertThat(retention.sweep()).isGreaterThanOrEqualTo(1);

		CaseView erased = reload(old.caseView());
		assertThat(retention.erasedAt(erased.id())).isPresent();
		assertThat(erased.subject()).isEmpty();
		assertThat(erased.reportedObject()).isNull();
		assertThat(conversations.messages(erased.conversationId())).allMatch(m -> m.body().isEmpty());
		assertThat(Files.exists(file)).as("the evidence file is deleted").isFalse();
		assertThat(cases.evidence(erased.id())).allMatch(e -> e.fileName().isEmpty());
		assertThat(contacts.contact(erased.contactId()).orElseThrow().identities()).isEmpty();
		assertThat(contacts.contact(erased.contactId()).orElseThrow().displayName()).isNull();
		// the case, its number, category, status and times stay: the counts do not change
		assertThat(erased.number()).isEqualTo(old.caseView().number());
		assertThat(erased.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(closedCount()).isEqualTo(closedInCategory);

		CaseView kept = reload(recent.caseView());
		assertThat(retention.erasedAt(kept.id())).isEmpty();
		assertThat(kept.subject()).isNotEmpty();
		assertThat(conversations.messages(kept.conversationId())).anyMatch(m -> m.body().startsWith("recent-"));

		// the status page of the erased case says what happened, and takes nothing new
		String page = mvc.perform(get("/status/" + old.statusToken())).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("id=\"erased\"").doesNotContain("old-");
		// a second sweep finds nothing more of these
		retention.sweep();
		assertThat(reload(kept).subject()).isNotEmpty();
	}

	@Test
	void aLegalHoldKeepsTheCaseUntilItIsLifted() throws Exception {
		Receipt held = submit("held-" + unique(""));
		close(held.caseView());
		String number = held.caseView().number();
		// duty agents may not place holds; supervisors may
		Agent duty = agent(Role.DUTY_AGENT, "en", directory.team(held.caseView().teamId()).orElseThrow());
		mvc.perform(post("/console/cases/" + number + "/hold").param("reason", "court order").with(as(duty)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/cases/" + number + "/hold").param("reason", "").with(as(supervisor)).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(retention.hold(held.caseView().id())).isEmpty();
		mvc.perform(post("/console/cases/" + number + "/hold").param("reason", "Court order 12/2026").with(as(supervisor))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(mvc.perform(get("/console/cases/" + number).with(as(supervisor))).andReturn().getResponse()
			.getContentAsString()).contains("Court order 12/2026");

		clock.shift(Duration.ofDays(400));
		retention.sweep();
		assertThat(retention.erasedAt(held.caseView().id())).isEmpty();
		assertThat(reload(held.caseView()).subject()).isNotEmpty();

		mvc.perform(post("/console/cases/" + number + "/hold/lift").with(as(supervisor)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		retention.sweep();
		assertThat(retention.erasedAt(held.caseView().id())).isPresent();
	}

	@Test
	void aPersonsDataIsExportedAndErasedOnRequestExceptWhatIsHeld() throws Exception {
		String email = unique("person") + "@example.com";
		Receipt first = submit("first-" + unique(""), email);
		Receipt second = submit("second-" + unique(""), email);
		Receipt stranger = submit("stranger-" + unique(""));
		long contactId = first.caseView().contactId();
		assertThat(second.caseView().contactId()).isEqualTo(contactId);
		Agent admin = admin();

		String found = mvc.perform(get("/console/admin/privacy").param("q", email.toUpperCase()).with(as(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(found).contains(first.caseView().number(), second.caseView().number())
			.doesNotContain(stranger.caseView().number());
		String export = mvc.perform(get("/console/admin/privacy/" + contactId + "/export.json").with(as(admin)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(export).contains(email, first.caseView().number(), "first-", "second-", "photo.png")
			.doesNotContain("stranger-");
		mvc.perform(get("/console/admin/privacy").with(as(supervisor))).andExpect(status().isForbidden());

		// one case is on legal hold: it is kept, the other erased, and the person keeps what the held case needs
		retention.hold(second.caseView().id(), "Investigation by the police", supervisor.id());
		mvc.perform(post("/console/admin/privacy/" + contactId + "/erase").with(as(admin)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(retention.erasedAt(first.caseView().id())).as("nothing without the confirmation").isEmpty();
		mvc.perform(post("/console/admin/privacy/" + contactId + "/erase").param("confirm", "ERASE").with(as(admin))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(retention.erasedAt(first.caseView().id())).isPresent();
		assertThat(retention.erasedAt(second.caseView().id())).isEmpty();
		assertThat(contacts.contact(contactId).orElseThrow().identities()).isNotEmpty();
		assertThat(retention.erasedAt(stranger.caseView().id())).isEmpty();

		// without the hold, the rest goes too
		retention.lift(second.caseView().id(), supervisor.id());
		mvc.perform(post("/console/admin/privacy/" + contactId + "/erase").param("confirm", "ERASE").with(as(admin))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(retention.erasedAt(second.caseView().id())).isPresent();
		assertThat(contacts.contact(contactId).orElseThrow().identities()).isEmpty();
		assertThat(conversations.messages(second.caseView().conversationId()))
			.filteredOn(m -> m.kind() == MessageKind.INBOUND)
			.allMatch(m -> m.body().isEmpty());
	}

	private Receipt submit(String text) {
		return submit(text, unique("p") + "@example.com");
	}

	private Receipt submit(String text, String email) {
		return intake.submit(new Submission(Channels.WEBFORM, "Person To Forget", email, null, null, "en",
				category.key(), null, text, "https://social.example/p/" + text, Priority.NORMAL,
				List.of(new EvidenceFile("photo.png", unique())), Actor.CONTACT));
	}

	/** A PNG of its own: the same picture with a trailer no other file has, so its stored file can be found. */
	private static byte[] unique() {
		byte[] png = SampleFiles.png();
		byte[] trailer = unique("t").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		byte[] bytes = Arrays.copyOf(png, png.length + trailer.length);
		System.arraycopy(trailer, 0, bytes, png.length, trailer.length);
		return bytes;
	}

	private void close(CaseView c) {
		Actor by = Actor.agent(supervisor.id());
		for (CaseStatus step : List.of(CaseStatus.TRIAGED, CaseStatus.INVESTIGATING, CaseStatus.RESOLVED,
				CaseStatus.CLOSED)) {
			cases.changeStatus(c.id(), step, by);
		}
	}

	private long closedCount() {
		return cases.queue(new QueueFilter(null, CaseStatus.CLOSED, category.id(), null, null, false),
				new Page.Request(0, 1)).total();
	}

	/** The stored file of the case's evidence, found by its bytes. */
	private Path evidenceFile(CaseView c) throws IOException {
		byte[] bytes = cases.evidenceContent(c.id(), cases.evidence(c.id()).getFirst().id()).orElseThrow().bytes();
		try (Stream<Path> files = Files.walk(storage.toAbsolutePath().resolve("evidence"))) {
			Optional<Path> file = files.filter(Files::isRegularFile).filter(p -> {
				try {
					return Files.size(p) == bytes.length && Arrays.equals(Files.readAllBytes(p), bytes);
				}
				catch (IOException e) {
					return false;
				}
			}).findFirst();
			return file.orElseThrow();
		}
	}
}
