package org.ombud.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ombud.sla.SlaFixtures.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.Priority;
import org.ombud.cases.TimelineEntry;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.intake.Intake;
import org.ombud.shared.Actor;
import org.ombud.sla.ClockView.Stage;
import org.ombud.sla.ClockView.State;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Clocks against the real database (H2 or PostgreSQL, as the run chooses), moved by shifting the test clock. */
@SpringBootTest
class SlaClockContractTests {

	static final Duration DETECTION = Duration.ofSeconds(1);

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	Categories categories;

	@Autowired
	AgentDirectory directory;

	@Autowired
	Contacts contacts;

	@Autowired
	Conversations conversations;

	@Autowired
	SlaPolicies policies;

	@Autowired
	SlaCalendars calendars;

	@Autowired
	SlaClocks clocks;

	@Autowired
	Notifications notifications;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	Category categoryWith(Team team, Long calendarId, Integer triage, Integer investigation, Integer result,
			boolean raise) {
		Category category = SlaFixtures.category(categories, team);
		policies.create(SlaFixtures.policy(category, calendarId, triage, investigation, result, raise));
		return category;
	}

	Map<Stage, ClockView> clocksOf(CaseView c) {
		Map<Stage, ClockView> byStage = new java.util.EnumMap<>(Stage.class);
		// the newest clock of each stage
		clocks.caseClocks(List.of(c.id()))
			.getOrDefault(c.id(), List.of())
			.stream()
			.sorted(java.util.Comparator.comparingLong(ClockView::id))
			.forEach(v -> byStage.put(v.stage(), v));
		return byStage;
	}

	@Test
	void aCaseIsAcknowledgedAtOnceAndRunsTriageAndResultUntilItLeavesNew() {
		Category category = categoryWith(SlaFixtures.team(directory), null, 60, 120, 240, false);
		CaseView c = SlaFixtures.open(intake, category);

		Map<Stage, ClockView> opened = clocksOf(c);
		assertThat(opened.keySet()).containsExactlyInAnyOrder(Stage.ACKNOWLEDGEMENT, Stage.TRIAGE, Stage.RESULT);
		assertThat(opened.get(Stage.ACKNOWLEDGEMENT).state()).isEqualTo(State.MET);
		ClockView triage = opened.get(Stage.TRIAGE);
		assertThat(triage.state()).isEqualTo(State.RUNNING);
		assertThat(triage.target()).isEqualTo(Duration.ofMinutes(60));
		assertThat(triage.dueAt()).isEqualTo(triage.startedAt().plus(Duration.ofMinutes(60)));
		assertThat(triage.warnAt()).isEqualTo(triage.startedAt().plus(Duration.ofMinutes(45)));
		assertThat(opened.get(Stage.RESULT).dueAt()).isEqualTo(triage.startedAt().plus(Duration.ofMinutes(240)));
		// the soonest running clock comes first
		assertThat(clocks.caseClocks(List.of(c.id())).get(c.id()).get(0).stage()).isEqualTo(Stage.TRIAGE);

		cases.changeStatus(c.id(), CaseStatus.TRIAGED, Actor.SYSTEM);
		Map<Stage, ClockView> triaged = clocksOf(c);
		assertThat(triaged.get(Stage.TRIAGE).state()).isEqualTo(State.MET);
		assertThat(triaged.get(Stage.INVESTIGATION).state()).isEqualTo(State.RUNNING);
		assertThat(triaged.get(Stage.RESULT).state()).isEqualTo(State.RUNNING);

		cases.changeStatus(c.id(), CaseStatus.RESOLVED, Actor.SYSTEM);
		assertThat(clocksOf(c).values()).allMatch(v -> v.state() == State.MET);
	}

	@Test
	void awaitingTheComplainantPausesKeepingWhatIsLeftAndTheirAnswerResumes() {
		Category category = categoryWith(SlaFixtures.team(directory), null, 60, 120, 240, false);
		CaseView c = SlaFixtures.open(intake, category);
		cases.changeStatus(c.id(), CaseStatus.INVESTIGATING, Actor.SYSTEM);
		Instant investigationStart = clocksOf(c).get(Stage.INVESTIGATION).startedAt();

		clock.shift(Duration.ofMinutes(30));
		cases.changeStatus(c.id(), CaseStatus.AWAITING_COMPLAINANT, Actor.SYSTEM);
		ClockView paused = clocksOf(c).get(Stage.INVESTIGATION);
		assertThat(paused.state()).isEqualTo(State.PAUSED);
		assertThat(paused.dueAt()).isNull();
		assertThat(paused.remaining()).isCloseTo(Duration.ofMinutes(90), Duration.ofSeconds(2));
		assertThat(paused.level(clock.instant().plus(Duration.ofDays(30)))).isEqualTo(ClockView.Level.PAUSED);
		assertThat(paused.timeLeft(clock.instant())).isEqualTo(paused.remaining());

		// two days of waiting do not count
		clock.shift(Duration.ofDays(2));
		cases.complainantWrites(c.id(), "Here is what you asked for", List.of(), Actor.CONTACT);
		assertThat(cases.get(c.id()).orElseThrow().status()).isEqualTo(CaseStatus.INVESTIGATING);
		ClockView resumed = clocksOf(c).get(Stage.INVESTIGATION);
		assertThat(resumed.state()).isEqualTo(State.RUNNING);
		assertThat(resumed.startedAt()).isEqualTo(investigationStart);
		Instant now = clock.instant();
		assertThat(resumed.dueAt()).isCloseTo(now.plus(paused.remaining()), within(2, ChronoUnit.SECONDS));
		// the warning at 75 % of 120 min, 60 min of them still to go
		assertThat(resumed.warnAt()).isCloseTo(now.plus(Duration.ofMinutes(60)), within(2, ChronoUnit.SECONDS));
		assertThat(resumed.level(now)).isEqualTo(ClockView.Level.OK);
	}

	@Test
	void businessTimeSkipsTheWeekendAndAHolidayAlsoAcrossAPause() {
		ZoneId moscow = ZoneId.of("Europe/Moscow");
		// a Friday some weeks ahead (forward only: other contexts on the same database keep the wall clock)
		LocalDate friday = LocalDate.now(moscow).plusWeeks(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
		LocalDate monday = friday.plusDays(3);
		Map<DayOfWeek, String> hours = new java.util.EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			hours.put(d, "09:00-18:00");
		}
		SlaCalendar office = calendars.create(new SlaCalendarDraft("Office " + SlaFixtures.unique("c"),
				"Europe/Moscow", hours, monday + " Holiday"));
		Category category = categoryWith(SlaFixtures.team(directory), office.id(), 120, null, 8 * 60, false);

		clock.set(LocalDateTime.of(friday, java.time.LocalTime.of(15, 0)).atZone(moscow).toInstant());
		CaseView c = SlaFixtures.open(intake, category);
		ClockView result = clocksOf(c).get(Stage.RESULT);
		// Friday 15-18 is 3 h; Saturday, Sunday and the Monday holiday count nothing; 5 h on Tuesday
		Instant tuesday14 = LocalDateTime.of(friday.plusDays(4), java.time.LocalTime.of(14, 0)).atZone(moscow).toInstant();
		assertThat(result.dueAt()).isCloseTo(tuesday14, within(5, ChronoUnit.SECONDS));
		// triage: 2 h from 15:00 on Friday is 17:00 Friday
		assertThat(clocksOf(c).get(Stage.TRIAGE).dueAt()).isCloseTo(
				LocalDateTime.of(friday, java.time.LocalTime.of(17, 0)).atZone(moscow).toInstant(),
				within(5, ChronoUnit.SECONDS));

		cases.changeStatus(c.id(), CaseStatus.TRIAGED, Actor.SYSTEM);
		// paused at 17:00 on Friday: 1 h on Friday and 5 h on Tuesday are left
		clock.set(LocalDateTime.of(friday, java.time.LocalTime.of(17, 0)).atZone(moscow).toInstant());
		cases.changeStatus(c.id(), CaseStatus.AWAITING_COMPLAINANT, Actor.SYSTEM);
		assertThat(clocksOf(c).get(Stage.RESULT).remaining()).isCloseTo(Duration.ofHours(6), Duration.ofSeconds(5));

		// resumed at 10:00 on Tuesday: due 6 business hours later
		clock.set(LocalDateTime.of(friday.plusDays(4), java.time.LocalTime.of(10, 0)).atZone(moscow).toInstant());
		cases.changeStatus(c.id(), CaseStatus.INVESTIGATING, Actor.SYSTEM);
		assertThat(clocksOf(c).get(Stage.RESULT).dueAt()).isCloseTo(
				LocalDateTime.of(friday.plusDays(4), java.time.LocalTime.of(16, 0)).atZone(moscow).toInstant(),
				within(5, ChronoUnit.SECONDS));
	}

	@Test
	void reopeningStartsANewInvestigationAndResult() {
		Category category = categoryWith(SlaFixtures.team(directory), null, 60, 120, 240, false);
		CaseView c = SlaFixtures.open(intake, category);
		cases.changeStatus(c.id(), CaseStatus.INVESTIGATING, Actor.SYSTEM);
		cases.changeStatus(c.id(), CaseStatus.RESOLVED, Actor.SYSTEM);
		cases.changeStatus(c.id(), CaseStatus.CLOSED, Actor.SYSTEM);
		List<ClockView> before = clocks.caseClocks(List.of(c.id())).get(c.id());
		assertThat(before).allMatch(v -> v.state() == State.MET);

		clock.shift(Duration.ofHours(1));
		cases.changeStatus(c.id(), CaseStatus.INVESTIGATING, Actor.SYSTEM);
		List<ClockView> after = clocks.caseClocks(List.of(c.id())).get(c.id());
		assertThat(after).hasSize(before.size() + 2);
		List<ClockView> running = after.stream().filter(v -> v.state() == State.RUNNING).toList();
		assertThat(running).extracting(ClockView::stage)
			.containsExactly(Stage.INVESTIGATION, Stage.RESULT);
		assertThat(running.get(0).startedAt()).isAfter(before.get(0).startedAt().plus(Duration.ofMinutes(59)));
		assertThat(running.get(1).dueAt()).isEqualTo(running.get(1).startedAt().plus(Duration.ofMinutes(240)));
	}

	@Test
	void aContactsMessageStartsTheFirstReplyClockOurReplyStopsItAndTheNextMessageStartsAnother() {
		long contact = contacts.identify(
				List.of(new ChannelIdentity(ChannelIdentity.EMAIL, SlaFixtures.unique("chat") + "@example.com")), null,
				"en");
		Message first = conversations.start("telegram", contact, "hello?");
		long conversation = first.conversationId();
		ClockView running = clocks.firstReplyClocks(List.of(conversation)).get(conversation);
		assertThat(running.stage()).isEqualTo(Stage.FIRST_REPLY);
		assertThat(running.state()).isEqualTo(State.RUNNING);
		// the default policy: 15 minutes, amber after 10
		assertThat(running.dueAt()).isEqualTo(running.startedAt().plus(Duration.ofMinutes(15)));
		assertThat(running.warnAt()).isEqualTo(running.startedAt().plus(Duration.ofMinutes(10)));

		// a second message while waiting does not restart the clock
		clock.shift(Duration.ofMinutes(2));
		conversations.append(conversation, MessageKind.INBOUND, null, "anyone there?");
		assertThat(clocks.firstReplyClocks(List.of(conversation)).get(conversation).id()).isEqualTo(running.id());
		// a note is not a reply
		conversations.append(conversation, MessageKind.NOTE, null, "looking into it");
		assertThat(clocks.firstReplyClocks(List.of(conversation)).get(conversation).state()).isEqualTo(State.RUNNING);

		conversations.append(conversation, MessageKind.OUTBOUND, null, "Hello, we are here");
		ClockView met = clocks.firstReplyClocks(List.of(conversation)).get(conversation);
		assertThat(met.id()).isEqualTo(running.id());
		assertThat(met.state()).isEqualTo(State.MET);
		assertThat(met.level(clock.instant())).isEqualTo(ClockView.Level.DONE);

		clock.shift(Duration.ofMinutes(5));
		conversations.append(conversation, MessageKind.INBOUND, null, "one more question");
		ClockView next = clocks.firstReplyClocks(List.of(conversation)).get(conversation);
		assertThat(next.id()).isNotEqualTo(running.id());
		assertThat(next.state()).isEqualTo(State.RUNNING);
		assertThat(next.startedAt()).isAfter(met.startedAt().plus(Duration.ofMinutes(6)));
	}

	@Test
	void aLateReplyLeavesTheFirstReplyBreachedAndTheBreachIsRecordedOnce() {
		long contact = contacts.identify(
				List.of(new ChannelIdentity(ChannelIdentity.EMAIL, SlaFixtures.unique("chat") + "@example.com")), null,
				"en");
		long conversation = conversations.start("telegram", contact, "hello?").conversationId();
		clock.shift(Duration.ofMinutes(16));
		await(Duration.ofSeconds(5), () -> clocks.firstReplyClocks(List.of(conversation)).get(conversation)
			.state() == State.BREACHED);
		conversations.append(conversation, MessageKind.OUTBOUND, null, "Sorry for the wait");
		ClockView stopped = clocks.firstReplyClocks(List.of(conversation)).get(conversation);
		assertThat(stopped.state()).isEqualTo(State.BREACHED);
		assertThat(stopped.level(clock.instant())).isEqualTo(ClockView.Level.BREACHED);
	}

	@Test
	void aBreachIsDetectedWithinASecondNotedOnTheInternalTimelineAndEscalated() {
		Team team = SlaFixtures.team(directory);
		Agent lead = directory.create(new NewAgent(SlaFixtures.unique("lead"), "Team Lead", null,
				"correct-horse-battery", Role.DUTY_AGENT, "en", java.util.Set.of(team.id())));
		directory.changeTeamLead(team.id(), lead.id());
		Category category = categoryWith(team, null, 60, 120, 240, true);
		CaseView c = SlaFixtures.open(intake, category);
		ClockView triage = clocksOf(c).get(Stage.TRIAGE);

		clock.shift(Duration.ofMinutes(46));
		await(Duration.ofSeconds(5), () -> clocksOf(c).get(Stage.TRIAGE).level(clock.instant()) == ClockView.Level.WARNING);
		assertThat(cases.get(c.id()).orElseThrow().priority()).isEqualTo(Priority.NORMAL);

		clock.set(triage.dueAt().plusMillis(1));
		Duration took = await(Duration.ofSeconds(3), () -> !clocks.caseBreaches(c.id(), c.conversationId(), c.createdAt()).isEmpty());
		assertThat(took).isLessThan(DETECTION);
		BreachView breach = clocks.caseBreaches(c.id(), c.conversationId(), c.createdAt()).get(0);
		assertThat(breach.stage()).isEqualTo(Stage.TRIAGE);
		assertThat(breach.dueAt()).isEqualTo(triage.dueAt());
		assertThat(Duration.between(breach.dueAt(), breach.detectedAt())).isLessThan(DETECTION);
		assertThat(clocksOf(c).get(Stage.TRIAGE).state()).isEqualTo(State.BREACHED);

		List<TimelineEntry> internal = cases.timeline(c.id(), false);
		assertThat(internal).filteredOn(e -> e.kind() == TimelineEntry.Kind.SLA_BREACH)
			.singleElement()
			.satisfies(e -> {
				assertThat(e.actor()).isEqualTo(Actor.SYSTEM);
				assertThat(e.oldValue()).isEqualTo("TRIAGE");
			});
		assertThat(cases.timeline(c.id(), true)).noneMatch(e -> e.kind() == TimelineEntry.Kind.SLA_BREACH);
		// escalated as the policy says: one step up, and the lead told
		assertThat(cases.get(c.id()).orElseThrow().priority()).isEqualTo(Priority.HIGH);
		assertThat(notifications.unread(lead.id())).isEqualTo(1);
		assertThat(notifications.latest(lead.id()).get(0).caseId()).isEqualTo(c.id());

		// the case is triaged late: the clock stays breached, and no second breach is recorded
		cases.changeStatus(c.id(), CaseStatus.TRIAGED, Actor.SYSTEM);
		assertThat(clocksOf(c).get(Stage.TRIAGE).state()).isEqualTo(State.BREACHED);
		assertThat(clocks.caseBreaches(c.id(), c.conversationId(), c.createdAt())).hasSize(1);
	}

	@Test
	void aFirstReplyBreachGoesOnTheTimelineOfTheConversationsOpenCase() {
		long contact = contacts.identify(
				List.of(new ChannelIdentity(ChannelIdentity.EMAIL, SlaFixtures.unique("chat") + "@example.com")), null,
				"en");
		Message first = conversations.start("telegram", contact, "my account was stolen");
		CaseView c = cases.open(new org.ombud.cases.OpenCase(contact, first.conversationId(), "telegram", "account",
				null, null, "my account was stolen", null, "en", first.id(), List.of(), Actor.SYSTEM)).view();

		clock.shift(Duration.ofMinutes(16));
		await(Duration.ofSeconds(3), () -> cases.timeline(c.id(), false)
			.stream()
			.anyMatch(e -> e.kind() == TimelineEntry.Kind.SLA_BREACH && "FIRST_REPLY".equals(e.oldValue())));
		assertThat(clocks.caseBreaches(c.id(), c.conversationId(), c.createdAt())).extracting(BreachView::stage)
			.contains(Stage.FIRST_REPLY);
	}

	@Test
	void policiesMatchInTheAdminsOrderMostSpecificFirstDefaultLast() {
		Team team = SlaFixtures.team(directory);
		Category category = SlaFixtures.category(categories, team);
		SlaPolicy broad = policies.create(new SlaPolicyDraft("Broad", 5, null, category.id(), null, null, false, null,
				null, null, true, 10, null, null, null, null, null, true, false));
		SlaPolicy narrow = policies.create(new SlaPolicyDraft("Narrow", 5, null, category.id(), Priority.URGENT, null,
				false, null, null, null, true, 5, null, null, null, null, null, true, false));
		SlaPolicy early = policies.create(new SlaPolicyDraft("Early", 4, "telegram", category.id(), null, null, false,
				null, null, null, true, 3, null, null, null, null, null, true, false));

		assertThat(policies.match(new SlaPolicy.Circumstances("webform", category.id(), Priority.URGENT, null)))
			.contains(narrow);
		assertThat(policies.match(new SlaPolicy.Circumstances("webform", category.id(), Priority.LOW, null)))
			.contains(broad);
		assertThat(policies.match(new SlaPolicy.Circumstances("telegram", category.id(), Priority.URGENT, null)))
			.contains(early);
		assertThat(policies.match(new SlaPolicy.Circumstances("vk", null, null, null))).get()
			.matches(SlaPolicy::isDefault);
		assertThat(policies.all().get(policies.all().size() - 1).isDefault()).isTrue();
	}
}
