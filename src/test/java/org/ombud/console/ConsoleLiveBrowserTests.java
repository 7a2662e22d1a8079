package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.identity.Agent;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.support.Chromium;
import org.ombud.support.PlatformApp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Live updates in a real Chromium under the strict CSP: open queues and case pages show what happens
 * elsewhere within a second, without a reload, keeping the agent's filters and focus.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleLiveBrowserTests extends ConsoleTestSupport {

	static final double WITHIN_MS = 1000;

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	final List<String> problems = new CopyOnWriteArrayList<>();

	@Test
	void aCaseOpenedThroughTheApiAppearsInTwoAgentsQueuesWithinASecond() {
		Team team = team();
		Category category = category(team);
		Agent anna = agent(Role.DUTY_AGENT, "en", team);
		Agent li = agent(Role.DUTY_AGENT, "zh", team);
		try (BrowserContext annasBrowser = chromium.browser().newContext();
				BrowserContext lisBrowser = chromium.browser().newContext();
				PlatformApp app = new PlatformApp(base(), tokens.create(unique("app"), null).secret())) {
			Page annas = logIn(annasBrowser, anna);
			Page lis = logIn(lisBrowser, li);
			// Li works on her team's queue and has her cursor in the search field
			lis.navigate(base() + "/console/cases?team=" + team.id());
			waitUntilLive(annas);
			waitUntilLive(lis);
			lis.focus("#q");
			annas.evaluate("window.ombudMarker = 'not reloaded'");
			lis.evaluate("window.ombudMarker = 'not reloaded'");

			String number = app.openCase(category.key(), "Live in the browser: a streamer doxxes a viewer");

			PlaywrightAssertions.assertThat(annas.locator("#queue-results tbody"))
				.containsText(number, new LocatorAssertions.ContainsTextOptions().setTimeout(WITHIN_MS));
			PlaywrightAssertions.assertThat(lis.locator("#queue-results tbody"))
				.containsText(number, new LocatorAssertions.ContainsTextOptions().setTimeout(WITHIN_MS));
			assertThat(annas.evaluate("window.ombudMarker")).isEqualTo("not reloaded");
			assertThat(lis.evaluate("window.ombudMarker")).isEqualTo("not reloaded");
			// her filter, address and focus are as she left them
			assertThat(lis.url()).endsWith("/console/cases?team=" + team.id());
			PlaywrightAssertions.assertThat(lis.locator("select[name=team]")).hasValue(String.valueOf(team.id()));
			assertThat(lis.evaluate("document.activeElement.id")).isEqualTo("q");

			// Anna opens the case; the complainant writes again through the app
			annas.click("a[href='/console/cases/" + number + "']");
			annas.waitForURL("**/console/cases/" + number);
			waitUntilLive(annas);
			annas.evaluate("window.ombudMarker = 'case page'");
			app.write(number, "Live in the browser: he did it again");
			PlaywrightAssertions.assertThat(annas.locator("#case-timeline li.tl-inbound .body").last())
				.hasText("Live in the browser: he did it again",
						new LocatorAssertions.HasTextOptions().setTimeout(WITHIN_MS));
			assertThat(annas.evaluate("window.ombudMarker")).isEqualTo("case page");

			// and a note Li writes on the case page shows on Anna's
			CaseView c = cases.find(number).orElseThrow();
			lis.navigate(base() + "/console/cases/" + c.number());
			lis.fill("#note-body", "Live in the browser: escalate to legal");
			lis.click("#action-note button[type=submit]");
			PlaywrightAssertions.assertThat(annas.locator("#case-timeline li.tl-note .body"))
				.hasText("Live in the browser: escalate to legal",
						new LocatorAssertions.HasTextOptions().setTimeout(WITHIN_MS));
		}
		assertThat(problems).isEmpty();
	}

	private Page logIn(BrowserContext context, Agent agent) {
		Page page = context.newPage();
		Chromium.watch(page, problems, agent.username());
		Chromium.logIn(page, base(), agent.username(), PASSWORD);
		return page;
	}

	private static void waitUntilLive(Page page) {
		page.waitForSelector("body[data-live-state=open]", new Page.WaitForSelectorOptions().setTimeout(5000));
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
