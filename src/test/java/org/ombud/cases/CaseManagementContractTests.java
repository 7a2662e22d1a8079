package org.ombud.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Page;
import org.ombud.shared.Rejected;
import org.ombud.shared.Tokens;
import org.ombud.support.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The case lifecycle against the real database (H2 or PostgreSQL, as the run chooses). */
@SpringBootTest
class CaseManagementContractTests {

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	Categories categories;

	@Autowired
	AgentDirectory directory;

	@Value("${ombud.storage.dir}")
	Path storageDir;

	Receipt submit(String category, String subcategory, String description, List<EvidenceFile> evidence) {
		return intake.submit(new Submission(Channels.WEBFORM, "Ирина 王", "irina-" + Tokens.random(6) + "@example.ru",
				null, null, "ru", category, subcategory, description, "https://social.example/p/1", null, evidence,
				Actor.CONTACT));
	}

	Agent agent() {
		return directory.create(new NewAgent("agent-" + Tokens.random(6).toLowerCase().replaceAll("[^a-z0-9]", "x"),
				"Agent Smith", null, "correct-horse-battery", Role.DUTY_AGENT, "en", Set.of()));
	}

	long totalCases() {
		return cases.queue(QueueFilter.all(), new Page.Request(0, 1)).total();
	}

	@Test
	void opensACaseRoutedToTheCategoryTeamWithANumberAndTimeline() {
		Receipt receipt = submit("privacy", "harassment", "Угрозы 😡 <script>alert(1)</script>\nдетали", List.of());

		CaseView view = receipt.caseView();
		assertThat(view.number()).matches("C-\\d{4}-\\d{6,}");
		assertThat(view.status()).isEqualTo(CaseStatus.NEW);
		assertThat(view.teamId()).isEqualTo(directory.teamByKey("privacy").orElseThrow().id());
		assertThat(view.subject()).isEqualTo("Угрозы 😡 <script>alert(1)</script>");
		assertThat(cases.find(view.number())).contains(view);
		assertThat(cases.findByStatusToken(receipt.statusToken())).contains(view);
		assertThat(cases.findByStatusToken("not-" + receipt.statusToken())).isEmpty();

		List<TimelineEntry> timeline = cases.timeline(view.id(), true);
		assertThat(timeline).extracting(TimelineEntry::kind)
			.containsExactly(TimelineEntry.Kind.OPENED, TimelineEntry.Kind.MESSAGE);
		assertThat(timeline.get(1).message().body()).isEqualTo("Угрозы 😡 <script>alert(1)</script>\nдетали");
	}

	@Test
	void recordsEveryChangeWithWhoAndRefusesIllegalTransitions() {
		CaseView view = submit("content", "games", "cheating", List.of()).caseView();
		Agent agent = agent();
		Actor by = Actor.agent(agent.id());

		cases.assign(view.id(), agent.id(), by);
		cases.changeStatus(view.id(), CaseStatus.TRIAGED, by);
		cases.changePriority(view.id(), Priority.URGENT, by);
		cases.changeTeam(view.id(), directory.teamByKey("accounts").orElseThrow().id(), by);
		cases.changeCategory(view.id(), "account", "hacked", by);
		cases.note(view.id(), "internal only", by);
		cases.reply(view.id(), "we are on it", by);

		assertThatThrownBy(() -> cases.changeStatus(view.id(), CaseStatus.CLOSED, by)).isInstanceOf(Rejected.class)
			.satisfies(e -> assertThat(((Rejected) e).rejections().get(0).messageKey())
				.isEqualTo("error.case.transition"));

		CaseView now = cases.get(view.id()).orElseThrow();
		assertThat(now.status()).isEqualTo(CaseStatus.TRIAGED);
		assertThat(now.priority()).isEqualTo(Priority.URGENT);
		assertThat(now.assigneeId()).isEqualTo(agent.id());

		List<TimelineEntry> all = cases.timeline(view.id(), false);
		assertThat(all).extracting(TimelineEntry::kind)
			.containsExactly(TimelineEntry.Kind.OPENED, TimelineEntry.Kind.MESSAGE, TimelineEntry.Kind.ASSIGNEE,
					TimelineEntry.Kind.STATUS, TimelineEntry.Kind.PRIORITY, TimelineEntry.Kind.TEAM,
					TimelineEntry.Kind.CATEGORY, TimelineEntry.Kind.NOTE, TimelineEntry.Kind.REPLY);
		assertThat(all.subList(2, all.size())).allSatisfy(e -> assertThat(e.actor()).isEqualTo(by));
		assertThat(all.get(6).oldValue()).isEqualTo("content/games");
		assertThat(all.get(6).newValue()).isEqualTo("account/hacked");

		List<TimelineEntry> publicOnly = cases.timeline(view.id(), true);
		assertThat(publicOnly).extracting(TimelineEntry::kind)
			.containsExactly(TimelineEntry.Kind.OPENED, TimelineEntry.Kind.MESSAGE, TimelineEntry.Kind.STATUS,
					TimelineEntry.Kind.REPLY);
	}

	@Test
	void complainantAnswerResumesAWaitingCaseAndClosedCasesTakeNoMore() {
		CaseView view = submit("other", null, "billing twice", List.of()).caseView();
		Actor by = Actor.agent(agent().id());
		cases.changeStatus(view.id(), CaseStatus.AWAITING_COMPLAINANT, by);

		cases.complainantWrites(view.id(), "here is the receipt", List.of(), Actor.CONTACT);
		assertThat(cases.get(view.id()).orElseThrow().status()).isEqualTo(CaseStatus.INVESTIGATING);

		cases.changeStatus(view.id(), CaseStatus.RESOLVED, by);
		assertThat(cases.get(view.id()).orElseThrow().resolvedAt()).isNotNull();
		cases.changeStatus(view.id(), CaseStatus.CLOSED, by);
		assertThatThrownBy(() -> cases.complainantWrites(view.id(), "again", List.of(), Actor.CONTACT))
			.isInstanceOf(Rejected.class);
		cases.changeStatus(view.id(), CaseStatus.INVESTIGATING, by);
		CaseView reopened = cases.get(view.id()).orElseThrow();
		assertThat(reopened.closedAt()).isNull();
		assertThat(reopened.resolvedAt()).isNull();
	}

	@Test
	void storesEvidenceCheckedByItsBytes() {
		Receipt receipt = submit("content", null, "see screenshot",
				List.of(new EvidenceFile("../../shot.png", SampleFiles.png()), new EvidenceFile("doc.pdf", SampleFiles.pdf())));

		List<Evidence> evidence = cases.evidence(receipt.caseView().id());
		assertThat(evidence).extracting(Evidence::fileName, Evidence::contentType)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("shot.png", "image/png"),
					org.assertj.core.groups.Tuple.tuple("doc.pdf", "application/pdf"));
		assertThat(cases.evidenceContent(receipt.caseView().id(), evidence.get(0).id()).orElseThrow().bytes())
			.isEqualTo(SampleFiles.png());
	}

	@Test
	void aRefusedSubmissionLeavesNothingBehind() throws IOException {
		long before = totalCases();
		long filesBefore = countFiles();

		assertThatThrownBy(() -> submit("content", null, "x",
				List.of(new EvidenceFile("ok.png", SampleFiles.png()),
						new EvidenceFile("evil.png", SampleFiles.scriptPretendingToBePng()))))
			.isInstanceOf(Rejected.class)
			.satisfies(e -> assertThat(((Rejected) e).rejections()).extracting(r -> r.messageKey())
				.containsExactly("error.evidence.type"));
		assertThatThrownBy(() -> submit("no-such-category", null, "x", List.of())).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> submit("content", "no-such-sub", "x", List.of())).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> submit("content", null, "x".repeat(10_001), List.of())).isInstanceOf(Rejected.class);

		assertThat(totalCases()).isEqualTo(before);
		assertThat(countFiles()).isEqualTo(filesBefore);
	}

	@Test
	void findsByNumberOnlyWithTheComplainantsEmail() {
		Receipt receipt = intake.submit(new Submission(Channels.API, null, "Finder@Example.com", null, null, "en",
				"other", null, "where is my refund", null, null, List.of(), Actor.CONTACT));
		String number = receipt.number();

		assertThat(cases.findByNumberAndEmail(number, "finder@example.com")).isPresent();
		assertThat(cases.findByNumberAndEmail(number, " FINDER@example.com ")).isPresent();
		assertThat(cases.findByNumberAndEmail(number, "someone@example.com")).isEmpty();
		assertThat(cases.findByNumberAndEmail("C-2026-999999999", "finder@example.com")).isEmpty();
	}

	@Test
	void queueFiltersByTeamStatusAssigneeAndText() {
		String marker = "marker" + Tokens.random(6).toLowerCase().replaceAll("[^a-z0-9]", "");
		CaseView a = submit("content", null, "first " + marker, List.of()).caseView();
		CaseView b = submit("account", null, "second " + marker, List.of()).caseView();
		Agent agent = agent();
		cases.assign(b.id(), agent.id(), Actor.agent(agent.id()));

		Page.Request page = new Page.Request(0, 50);
		assertThat(cases.queue(new QueueFilter(null, null, null, null, marker, false), page).items())
			.extracting(CaseView::id)
			.containsExactly(b.id(), a.id());
		assertThat(cases.queue(new QueueFilter(a.teamId(), null, null, null, marker, false), page).items())
			.extracting(CaseView::id)
			.containsExactly(a.id());
		assertThat(cases.queue(new QueueFilter(null, null, null, agent.id(), null, false), page).items())
			.extracting(CaseView::id)
			.containsExactly(b.id());
		assertThat(cases.queue(new QueueFilter(null, null, null, 0L, marker, false), page).items())
			.extracting(CaseView::id)
			.containsExactly(a.id());
		assertThat(cases.queue(new QueueFilter(null, CaseStatus.CLOSED, null, null, marker, false), page).items())
			.isEmpty();
		assertThat(cases.queue(new QueueFilter(null, null, null, null, "100%_" + marker, false), page).items())
			.as("LIKE wildcards are taken literally")
			.isEmpty();
	}

	long countFiles() throws IOException {
		Path root = storageDir.toAbsolutePath().resolve("evidence");
		if (!Files.exists(root)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).count();
		}
	}
}
