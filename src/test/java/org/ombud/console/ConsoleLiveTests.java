package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.identity.Agent;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.Team;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.shared.Actor;
import org.ombud.support.ConsoleClient;
import org.ombud.support.PlatformApp;
import org.ombud.support.ConsoleClient.Event;
import org.ombud.support.ConsoleClient.LiveEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's live event stream over real HTTP: what an open console hears when cases change, through the
 * API or another console, and who may listen at all.
 */
class ConsoleLiveTests extends ConsoleTestSupport {

	static final Duration WITHIN = Duration.ofSeconds(1);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	LiveBus bus;

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void anAgentsStreamHearsACaseOpenedThroughTheApiWithinASecond() {
		Team team = team();
		Category category = category(team);
		Agent agent = agent("en");
		try (ConsoleClient console = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD);
				LiveEvents live = console.live();
				PlatformApp api = new PlatformApp(base(), tokens.create(unique("app"), null).secret())) {
			assertThat(live.status()).isEqualTo(200);
			assertThat(live.contentType()).startsWith("text/event-stream");

			String number = api.openCase(category.key(), "Live: someone impersonates our streamer");
			long opened = System.nanoTime();
			CaseView c = cases.find(number).orElseThrow();

			Event event = live.await(e -> e.name().equals("case") && id(e) == c.id(), WITHIN);
			assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(WITHIN);
			// ids only, never what the case says
			JsonNode data = JSON.readTree(event.data());
			assertThat(data.propertyNames()).containsExactlyInAnyOrder("id", "teamId");
			assertThat(data.get("teamId").asLong()).isEqualTo(team.id());
		}
	}

	@Test
	void aStreamIsForLoggedInAgentsOnly() {
		try (ConsoleClient anonymous = new ConsoleClient(base()); LiveEvents live = anonymous.live()) {
			assertThat(live.status()).isEqualTo(401);
			assertThat(live.contentType()).doesNotStartWith("text/event-stream");
		}
		// the refused stream is not remembered as the page to return to after logging in
		Agent agent = agent("en");
		try (ConsoleClient browser = new ConsoleClient(base())) {
			browser.live().close();
			HttpResponse<String> login = browser.login(agent.username(), PASSWORD);
			assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/console");
		}
	}

	@Test
	void loggingOutEndsTheStreamsOfThatSessionOnly() {
		Agent agent = agent("en");
		try (ConsoleClient first = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD);
				ConsoleClient second = ConsoleClient.loggedIn(base(), agent.username(), PASSWORD);
				LiveEvents firstLive = first.live();
				LiveEvents secondLive = second.live()) {
			assertThat(firstLive.status()).isEqualTo(200);
			first.logout();
			assertThat(firstLive.endsWithin(WITHIN)).isTrue();
			assertThat(secondLive.endsWithin(Duration.ofMillis(200))).isFalse();
			// and a stream after logging out is refused
			assertThat(first.live().status()).isEqualTo(401);
		}
	}

	@Test
	void aNoteOrAnotherChangeWithoutItsOwnEventStillReachesTheOtherConsoles() throws Exception {
		Team team = team();
		CaseView c = newCase(category(team), "Live: notes are news too");
		Agent writer = agent("en");
		Agent watcher = agent("en");
		try (ConsoleClient console = ConsoleClient.loggedIn(base(), watcher.username(), PASSWORD);
				LiveEvents live = console.live()) {
			mvc.perform(post("/console/cases/" + c.number() + "/note").with(as(writer))
				.with(csrf())
				.header("HX-Request", "true")
				.param("body", "Check the VOD"))
				.andExpect(status().isOk());
			live.await(e -> e.name().equals("case") && id(e) == c.id(), WITHIN);

			mvc.perform(post("/console/cases/" + c.number() + "/priority").with(as(writer))
				.with(csrf())
				.header("HX-Request", "true")
				.param("priority", "HIGH"))
				.andExpect(status().isOk());
			live.await(e -> e.name().equals("case") && id(e) == c.id(), WITHIN);
		}
	}

	@Test
	void oneChangeIsOneSignalPerCaseAndConversationWithTheCasesTeam() throws Exception {
		Team team = team();
		CaseView c = newCase(category(team), "Live: the complainant writes on a resolved case");
		cases.changeStatus(c.id(), CaseStatus.TRIAGED, Actor.SYSTEM);
		cases.changeStatus(c.id(), CaseStatus.RESOLVED, Actor.SYSTEM);
		List<LiveSignal> heard = Collections.synchronizedList(new ArrayList<>());
		try (AutoCloseable subscription = bus.subscribe(s -> {
			if ((s.topic().equals(LiveSignal.CASE) && s.id() == c.id())
					|| (s.topic().equals(LiveSignal.CONVERSATION) && s.id() == c.conversationId())) {
				heard.add(s);
			}
		})) {
			// a message, evidence-free, that also moves the case back to investigating: three events, two signals
			cases.complainantWrites(c.id(), "It happened again", List.of(), Actor.CONTACT);
		}
		assertThat(heard).containsExactlyInAnyOrder(LiveSignal.caseChanged(c.id(), team.id()),
				LiveSignal.conversation(c.conversationId(), team.id()));
	}

	@Test
	void theCasePageFetchesItsHeaderAndTimelineOutOfBand() throws Exception {
		CaseView c = newCase(category(team()), "Live: refresh me");
		mvc.perform(get("/console/cases/" + c.number() + "/refresh").with(as(admin())).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"case-header\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"case-timeline\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("hx-swap-oob=\"true\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
	}

	@Test
	void aLiveRefreshOfTheQueueKeepsItsAddressAndHistory() throws Exception {
		Agent agent = agent("en");
		// a filter change puts the filters into the address bar
		mvc.perform(get("/console/cases").param("status", "all").with(as(agent)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Push-Url", "/console/cases?status=all"));
		// the results refreshing themselves do not
		mvc.perform(get("/console/cases").param("status", "all")
			.with(as(agent))
			.header("HX-Request", "true")
			.header("HX-Trigger", "queue-results"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Push-Url"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("hx-get=\"/console/cases?status=all\"")));
	}

	static long id(Event event) {
		return JSON.readTree(event.data()).get("id").asLong();
	}
}
