package org.ombud.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.CategoryDraft;
import org.ombud.cases.Priority;
import org.ombud.cases.TimelineEntry;
import org.ombud.contacts.Organisations;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Rejected;
import org.ombud.shared.Tokens;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The chat list's rules against the real database (H2 or PostgreSQL, as the run chooses). */
@SpringBootTest
class ChatsContractTests {

	@Autowired
	Chats chats;

	@Autowired
	Conversations conversations;

	@Autowired
	CaseManagement cases;

	@Autowired
	Intake intake;

	@Autowired
	Categories categories;

	@Autowired
	AgentDirectory directory;

	@Autowired
	Organisations organisations;

	@Autowired
	TestClock clock;

	Team team;

	Category category;

	Agent anna;

	Agent boris;

	@BeforeEach
	void desk() {
		team = team();
		category = category(team);
		anna = agent(team);
		boris = agent(team);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void aLivelyChatTurnsUnreadWithoutMovingAndMovesUpAfterAQuietSpell() {
		CaseView x = newCase("First chat");
		clock.shift(Duration.ofSeconds(1));
		CaseView y = newCase("Second chat");
		assertThat(ids(anna)).containsExactly(y.conversationId(), x.conversationId());
		chats.read(anna.id(), x.conversationId());
		chats.read(anna.id(), y.conversationId());
		assertThat(row(anna, x).unread()).isFalse();

		clock.shift(Duration.ofMinutes(2));
		cases.complainantWrites(x.id(), "Two minutes later", List.of(), Actor.CONTACT);
		assertThat(ids(anna)).as("a message 2 minutes after the last one does not move the chat")
			.containsExactly(y.conversationId(), x.conversationId());
		assertThat(row(anna, x).unread()).isTrue();
		assertThat(row(anna, y).unread()).isFalse();

		clock.shift(Duration.ofMinutes(5));
		cases.complainantWrites(x.id(), "Seven minutes after the first", List.of(), Actor.CONTACT);
		assertThat(ids(anna)).as("after 5 quiet minutes the chat moves up")
			.containsExactly(x.conversationId(), y.conversationId());
	}

	@Test
	void ourAnswerEndsTheWaitAndShowsAsTheLastMessage() {
		CaseView x = newCase("Where is my refund?");
		ChatRow before = row(anna, x);
		assertThat(before.waitingSince()).isNotNull();
		assertThat(before.snippet()).isEqualTo("Where is my refund?");
		assertThat(before.lastFromUs()).isFalse();
		clock.shift(Duration.ofMinutes(1));
		cases.reply(x.id(), "It is on its way", Actor.agent(anna.id()));
		cases.note(x.id(), "internal only", Actor.agent(anna.id()));
		ChatRow after = row(anna, x);
		assertThat(after.waitingSince()).isNull();
		assertThat(after.snippet()).isEqualTo("It is on its way");
		assertThat(after.lastFromUs()).isTrue();
		clock.shift(Duration.ofMinutes(1));
		cases.complainantWrites(x.id(), "Thanks, and another thing", List.of(), Actor.CONTACT);
		assertThat(row(anna, x).waitingSince()).isAfter(before.waitingSince());
	}

	@Test
	void pinsStayOnTopInTheAgentsOwnOrder() {
		CaseView x = newCase("x");
		CaseView y = newCase("y");
		CaseView z = newCase("z");
		chats.pin(anna.id(), y.conversationId());
		chats.pin(anna.id(), x.conversationId());
		chats.pin(anna.id(), y.conversationId()); // again: keeps its place
		clock.shift(Duration.ofMinutes(10));
		cases.complainantWrites(x.id(), "new activity does not reorder pins", List.of(), Actor.CONTACT);
		ChatListing listing = chats.list(anna.id(), teamFilter(100), true);
		assertThat(listing.pinned()).extracting(ChatRow::id).containsExactly(y.conversationId(), x.conversationId());
		assertThat(listing.rows()).extracting(ChatRow::id).containsExactly(z.conversationId());
		// pins are the agent's own
		assertThat(chats.list(boris.id(), teamFilter(100), true).pinned()).isEmpty();
		chats.unpin(anna.id(), y.conversationId());
		chats.pin(anna.id(), y.conversationId());
		assertThat(chats.list(anna.id(), teamFilter(100), true).pinned()).extracting(ChatRow::id)
			.containsExactly(x.conversationId(), y.conversationId());
	}

	@Test
	void anAgentPinsAtMostTwentyChats() {
		Agent busy = agent(team);
		for (int i = 0; i < Chats.MAX_PINS; i++) {
			chats.pin(busy.id(), newCase("pin " + i).conversationId());
		}
		long one = newCase("one too many").conversationId();
		assertThatThrownBy(() -> chats.pin(busy.id(), one)).isInstanceOf(Rejected.class)
			.hasMessageContaining("error.chats.pins");
		assertThat(chats.list(busy.id(), teamFilter(100), false).pinned()).hasSize(Chats.MAX_PINS);
	}

	@Test
	void starsMarkChatsToComeBackToPerAgent() {
		CaseView x = newCase("x");
		CaseView y = newCase("y");
		chats.star(anna.id(), x.conversationId(), true);
		assertThat(row(anna, x).starred()).isTrue();
		assertThat(row(boris, x).starred()).isFalse();
		assertThat(chats.list(anna.id(), starred(), false).rows()).extracting(ChatRow::id)
			.containsExactly(x.conversationId());
		assertThat(chats.list(boris.id(), starred(), false).rows()).isEmpty();
		chats.star(anna.id(), x.conversationId(), false);
		assertThat(chats.list(anna.id(), starred(), false).rows()).isEmpty();
		assertThat(ids(anna)).contains(y.conversationId(), x.conversationId());
	}

	@Test
	void readMarksArePerAgentAndMarkAllReadReadsEverything() {
		CaseView x = newCase("x");
		CaseView y = newCase("y");
		assertThat(row(anna, x).unread()).isTrue();
		chats.read(anna.id(), x.conversationId());
		assertThat(row(anna, x).unread()).isFalse();
		assertThat(row(boris, x).unread()).isTrue();
		assertThat(chats.list(anna.id(), unread(), false).rows()).extracting(ChatRow::id)
			.containsExactly(y.conversationId());

		chats.readAll(boris.id());
		assertThat(row(boris, x).unread()).isFalse();
		assertThat(row(boris, y).unread()).isFalse();
		assertThat(chats.list(boris.id(), unread(), false).rows()).isEmpty();

		cases.complainantWrites(y.id(), "again", List.of(), Actor.CONTACT);
		assertThat(row(boris, y).unread()).isTrue();
		assertThat(chats.list(boris.id(), unread(), false).rows()).extracting(ChatRow::id)
			.containsExactly(y.conversationId());
		// our own messages and notes leave it read
		chats.read(boris.id(), y.conversationId());
		cases.reply(y.id(), "answer", Actor.agent(anna.id()));
		cases.note(y.id(), "note", Actor.agent(anna.id()));
		assertThat(row(boris, y).unread()).isFalse();
	}

	@Test
	void alarmGoesOnTopUntilClearedAndLandsOnTheInternalTimeline() {
		CaseView x = newCase("x");
		CaseView y = newCase("y");
		chats.raiseAlarm(x.conversationId(), anna.id());
		chats.raiseAlarm(x.conversationId(), boris.id()); // already up: nothing changes
		ChatListing listing = chats.list(boris.id(), teamFilter(100), true);
		assertThat(listing.alarms()).extracting(ChatRow::id).containsExactly(x.conversationId());
		assertThat(listing.alarms().getFirst().alarmBy()).isEqualTo(anna.id());
		assertThat(listing.rows()).extracting(ChatRow::id).containsExactly(y.conversationId());
		// without alarms (an agent off duty) the chat stays in its place
		assertThat(chats.list(boris.id(), teamFilter(100), false).rows()).extracting(ChatRow::id)
			.containsExactly(y.conversationId(), x.conversationId());
		await(() -> kinds(x, false).contains(TimelineEntry.Kind.ALARM_RAISED));
		assertThat(kinds(x, false)).containsOnlyOnce(TimelineEntry.Kind.ALARM_RAISED);

		chats.clearAlarm(x.conversationId(), boris.id());
		assertThat(row(anna, x).alarmed()).isFalse();
		assertThat(chats.list(boris.id(), teamFilter(100), true).alarms()).isEmpty();
		await(() -> kinds(x, false).contains(TimelineEntry.Kind.ALARM_CLEARED));
		TimelineEntry cleared = cases.timeline(x.id(), false).getLast();
		assertThat(cleared.actor()).isEqualTo(Actor.agent(boris.id()));
		assertThat(kinds(x, true)).doesNotContain(TimelineEntry.Kind.ALARM_RAISED, TimelineEntry.Kind.ALARM_CLEARED);
	}

	@Test
	void anAnswerClearsTheAlarm() {
		CaseView x = newCase("x");
		chats.raiseAlarm(x.conversationId(), anna.id());
		cases.note(x.id(), "a note is no answer", Actor.agent(boris.id()));
		assertThat(row(anna, x).alarmed()).isTrue();
		cases.reply(x.id(), "We are on it", Actor.agent(boris.id()));
		assertThat(row(anna, x).alarmed()).isFalse();
		await(() -> kinds(x, false).contains(TimelineEntry.Kind.ALARM_CLEARED));
		TimelineEntry cleared = cases.timeline(x.id(), false)
			.stream()
			.filter(e -> e.kind() == TimelineEntry.Kind.ALARM_CLEARED)
			.findFirst()
			.orElseThrow();
		assertThat(cleared.actor()).isEqualTo(Actor.agent(boris.id()));
	}

	@Test
	void theChatFollowsItsOpenCasesTeamAndAssignee() {
		CaseView x = newCase("x");
		ChatRow chat = row(anna, x);
		assertThat(chat.teamId()).isEqualTo(team.id());
		assertThat(chat.openCaseId()).isEqualTo(x.id());
		Team other = team();
		cases.changeTeam(x.id(), other.id(), Actor.agent(anna.id()));
		cases.assign(x.id(), boris.id(), Actor.agent(anna.id()));
		chat = row(anna, x);
		assertThat(chat.teamId()).isEqualTo(other.id());
		assertThat(chat.assigneeId()).isEqualTo(boris.id());
		assertThat(ids(anna)).doesNotContain(x.conversationId());
		ChatFilter mine = new ChatFilter(List.of(other.id()), false, false, boris.id(), false, false, null, 100);
		assertThat(chats.list(anna.id(), mine, false).rows()).extracting(ChatRow::id).containsExactly(x.conversationId());

		cases.changeStatus(x.id(), CaseStatus.RESOLVED, Actor.agent(boris.id()));
		chat = row(anna, x);
		assertThat(chat.listed()).isFalse();
		assertThat(chat.openCaseId()).isNull();
		assertThat(chats.list(anna.id(), new ChatFilter(List.of(other.id()), false, false, null, false, false, null, 100),
				false).rows()).isEmpty();
		cases.changeStatus(x.id(), CaseStatus.INVESTIGATING, Actor.agent(boris.id()));
		assertThat(row(anna, x).listed()).isTrue();
	}

	@Test
	void aGroupChatBelongsToItsOrganisationsTeamAndManager() {
		Team clients = team();
		var acme = organisations.create("Acme " + Tokens.random(4), anna.id(), clients.id());
		Message first = conversations.start("telegram", newCase("contact").contactId(), "hello from the group");
		conversations.joinOrganisation(first.conversationId(), acme.id());
		ChatRow chat = chats.chat(boris.id(), first.conversationId()).orElseThrow();
		assertThat(chat.name()).isEqualTo(acme.name());
		assertThat(chat.group()).isTrue();
		assertThat(chat.teamId()).isEqualTo(clients.id());
		assertThat(chat.assigneeId()).isEqualTo(anna.id());
		conversations.noOpenCase(first.conversationId());
		assertThat(chats.chat(boris.id(), first.conversationId()).orElseThrow().listed()).isTrue();
	}

	@Test
	void severalTeamsMergeIntoOneListCutAtItsLimit() {
		Team second = team();
		Category secondCategory = category(second);
		CaseView a = newCase("a");
		clock.shift(Duration.ofSeconds(1));
		CaseView b = newCase(secondCategory, "b");
		clock.shift(Duration.ofSeconds(1));
		CaseView c = newCase("c");
		ChatFilter both = new ChatFilter(List.of(team.id(), second.id()), false, false, null, false, false, null, 2);
		ChatListing listing = chats.list(anna.id(), both, false);
		assertThat(listing.rows()).extracting(ChatRow::id).containsExactly(c.conversationId(), b.conversationId());
		assertThat(listing.more()).isTrue();
		ChatFilter webOnly = new ChatFilter(List.of(team.id(), second.id()), false, false, null, false, false, "phone", 10);
		assertThat(chats.list(anna.id(), webOnly, false).rows()).isEmpty();
		assertThat(a.id()).isPositive();
	}

	@Test
	void marksOfAChatThatDoesNotExistAreRefused() {
		assertThatThrownBy(() -> chats.pin(anna.id(), Long.MAX_VALUE)).isInstanceOf(org.ombud.shared.NotFound.class);
		assertThatThrownBy(() -> chats.raiseAlarm(Long.MAX_VALUE, anna.id())).isInstanceOf(org.ombud.shared.NotFound.class);
	}

	@Test
	void agentsAreOnDutyUntilTheySayOtherwise() {
		assertThat(anna.onDuty()).isTrue();
		directory.changeDuty(anna.id(), false);
		assertThat(directory.agent(anna.id()).orElseThrow().onDuty()).isFalse();
		directory.changeDuty(anna.id(), true);
		assertThat(directory.agent(anna.id()).orElseThrow().onDuty()).isTrue();
	}

	// --- helpers

	ChatFilter teamFilter(int limit) {
		return new ChatFilter(List.of(team.id()), false, false, null, false, false, null, limit);
	}

	ChatFilter starred() {
		return new ChatFilter(List.of(team.id()), false, false, null, true, false, null, 100);
	}

	ChatFilter unread() {
		return new ChatFilter(List.of(team.id()), false, false, null, false, true, null, 100);
	}

	List<Long> ids(Agent agent) {
		return chats.list(agent.id(), teamFilter(100), false).rows().stream().map(ChatRow::id).toList();
	}

	ChatRow row(Agent agent, CaseView c) {
		return chats.chat(agent.id(), c.conversationId()).orElseThrow();
	}

	List<TimelineEntry.Kind> kinds(CaseView c, boolean publicOnly) {
		return cases.timeline(c.id(), publicOnly).stream().map(TimelineEntry::kind).toList();
	}

	static void await(BooleanSupplier condition) {
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("condition not met within 5 s");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	CaseView newCase(String text) {
		return newCase(category, text);
	}

	CaseView newCase(Category in, String text) {
		return intake.submit(new Submission(Channels.WEBFORM, "Person " + text, "p" + Tokens.random(6) + "@example.com",
				null, null, "en", in.key(), null, text, null, Priority.NORMAL, List.of(), Actor.CONTACT)).caseView();
	}

	Team team() {
		String key = "t" + Tokens.random(6).toLowerCase().replaceAll("[^a-z0-9]", "x");
		return directory.createTeam(key, "Team " + key);
	}

	Category category(Team t) {
		String key = "c" + Tokens.random(6).toLowerCase().replaceAll("[^a-z0-9]", "x");
		return categories.create(new CategoryDraft(key, "Cat " + key, "Кат " + key, "类 " + key, t.id(), 100, true));
	}

	Agent agent(Team... teams) {
		return directory.create(new NewAgent("a" + Tokens.random(6).toLowerCase().replaceAll("[^a-z0-9]", "x"),
				"Agent", null, "correct-horse-battery", Role.DUTY_AGENT, "en",
				Set.copyOf(java.util.Arrays.stream(teams).map(Team::id).toList())));
	}
}
