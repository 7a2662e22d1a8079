package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ombud.cases.Categories;
import org.ombud.conversations.ChatListing;
import org.ombud.conversations.ChatRow;
import org.ombud.conversations.Chats;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.Role;
import org.ombud.sla.ClockView;
import org.ombud.sla.SlaClocks;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.ui.ExtendedModelMap;

/** A chat turns red before its first-reply deadline and carries an overdue mark once past it. */
class ChatsPageTests {

	static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

	@Test
	void rowsTakeTheColourOfTheirFirstReplyClock() {
		Chats chats = mock(Chats.class);
		when(chats.list(anyLong(), any(), anyBoolean())).thenReturn(new ChatListing(List.of(), List.of(),
				List.of(row(1), row(2), row(3), row(4)), false));
		Map<Long, ClockView> clocks = Map.of(
				1L, clock(1, NOW.plusSeconds(600), NOW.plusSeconds(300)), // warns in 5 min: still fine
				2L, clock(2, NOW.plusSeconds(300), NOW.minusSeconds(60)), // past its warning: red
				3L, clock(3, NOW.minusSeconds(120), NOW.minusSeconds(400))); // past due: red and overdue
		SlaClocks sla = new SlaClocks() {
			@Override
			public Map<Long, ClockView> firstReplyClocks(Collection<Long> conversationIds) {
				return clocks;
			}

			@Override
			public Map<Long, List<ClockView>> caseClocks(Collection<Long> caseIds) {
				return Map.of();
			}

			@Override
			public List<Long> caseIdsByTimeLeft(Long teamId, int limit) {
				return List.of();
			}

			@Override
			public List<org.ombud.sla.BreachView> caseBreaches(long caseId, long conversationId, Instant openedAt) {
				return List.of();
			}
		};
		AgentDirectory directory = mock(AgentDirectory.class);
		Categories categories = mock(Categories.class);
		ConsoleFormat format = new ConsoleFormat(new StaticMessageSource(), Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
		Visible visible = mock(Visible.class);
		org.mockito.Mockito.when(visible.me())
			.thenReturn(new org.ombud.identity.Visibility(7, Role.DUTY_AGENT, false, Set.of(5L), true, Set.of()));
		ChatsPage page = new ChatsPage(chats, null, null, sla, new Names(directory, categories), format,
				Clock.fixed(NOW, ZoneOffset.UTC), visible, mock(GrantsView.class));
		ExtendedModelMap model = new ExtendedModelMap();
		Agent me = new Agent(7, "me", "Me", null, Role.DUTY_AGENT, "en", true, Set.of(5L), true);

		page.list(model, me, ChatsForm.empty(), null, Locale.ENGLISH);

		@SuppressWarnings("unchecked")
		List<ChatsPage.Line> lines = (List<ChatsPage.Line>) model.get("lines");
		assertThat(lines).extracting(ChatsPage.Line::clock).containsExactly("", "late", "overdue", "");
		assertThat(lines.get(1).css()).contains("late");
		assertThat(lines.get(2).css()).contains("overdue");
		assertThat(lines.get(2).timeLeft()).isEqualTo("chats.clock.minutes");
	}

	static ClockView clock(long conversationId, Instant due, Instant warn) {
		return new ClockView(conversationId, ClockView.Stage.FIRST_REPLY, conversationId, Duration.ofMinutes(15),
				due.minus(Duration.ofMinutes(15)), warn, due, ClockView.State.RUNNING, null);
	}

	static ChatRow row(long id) {
		return new ChatRow(id, "telegram", null, null, null, "Contact " + id, "hello", false, NOW, NOW, NOW, 5L, null,
				null, true, null, null, null, false, false);
	}
}
