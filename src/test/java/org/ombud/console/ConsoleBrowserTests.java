package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.support.Chromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real Chromium under the strict CSP: htmx loads, sends the CSRF header, swaps only what
 * changes, and nothing on the page trips the policy. Uses the system's Chromium; without one the test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests extends ConsoleTestSupport {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	@LocalServerPort
	int port;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void agentWorksACaseWithHtmxUnderTheContentSecurityPolicy() throws Exception {
		Team team = team();
		Category category = category(team);
		Agent agent = agent(Role.ADMIN, "en", team);
		CaseView first = newCase(category, "Streamer insults viewers <script>alert(1)</script>");
		newCase(category, "Second case in the same team");
		newCase(category(team()), "A case of another team");

		Page page = chromium.browser().newPage();
		List<String> problems = new ArrayList<>();
		Chromium.watch(page, problems, null);
		page.onDialog(d -> problems.add("dialog: " + d.message()));

		page.navigate(base() + "/login?lang=en");
		shot(page, "login");
		Chromium.logIn(page, base(), agent.username(), PASSWORD);

		// filtering swaps the results only and pushes the filter into the address bar
		page.evaluate("window.ombudMarker = 'still the same page'");
		page.selectOption("select[name=team]", String.valueOf(team.id()));
		page.waitForURL("**/console/cases?team=" + team.id());
		PlaywrightAssertions.assertThat(page.locator("#queue-results tbody tr")).hasCount(2);
		assertThat(page.evaluate("window.ombudMarker")).isEqualTo("still the same page");
		shot(page, "queue");

		page.click("a[href='/console/cases/" + first.number() + "']");
		page.waitForURL("**/console/cases/" + first.number());
		PlaywrightAssertions.assertThat(page.locator("#case-header .subject"))
			.hasText("Streamer insults viewers <script>alert(1)</script>");
		page.evaluate("window.ombudMarker = 'case page'");

		page.fill("#reply-body", "We are reviewing the stream recording.");
		page.click("#action-reply button[type=submit]");
		PlaywrightAssertions.assertThat(page.locator("#case-timeline li.tl-outbound .body"))
			.hasText("We are reviewing the stream recording.");
		PlaywrightAssertions.assertThat(page.locator("#reply-body")).hasValue("");

		page.fill("#note-body", "Check last week's streams too");
		page.click("#action-note button[type=submit]");
		PlaywrightAssertions.assertThat(page.locator("#case-timeline li.tl-note .body")).hasText("Check last week's streams too");

		page.selectOption("#status-select", "INVESTIGATING");
		page.click("#action-status button[type=submit]");
		PlaywrightAssertions.assertThat(page.locator("#case-header .badge")).hasText("Investigating");
		PlaywrightAssertions.assertThat(page.locator("#status-select option[value=RESOLVED]")).hasCount(1);

		page.click("#action-assignee button.link");
		PlaywrightAssertions.assertThat(page.locator("#case-header")).containsText(agent.displayName());
		// evidence: a file over the limit is stopped in the browser, a small image is uploaded and listed
		page.setInputFiles("#evidence-files", new FilePayload("big.png", "image/png", new byte[10 * 1024 * 1024 + 1]));
		page.click("#action-evidence button[type=submit]");
		PlaywrightAssertions.assertThat(page.locator("#evidence-errors")).containsText("each file may be at most 10 MB");
		page.setInputFiles("#evidence-files", new FilePayload("screenshot.png", "image/png", ConsoleCaseTests.png()));
		page.click("#action-evidence button[type=submit]");
		PlaywrightAssertions.assertThat(page.locator("#case-timeline li.tl-evidence a")).hasText("screenshot.png");
		assertThat(cases.evidence(first.id())).hasSize(1);

		assertThat(page.evaluate("window.ombudMarker")).isEqualTo("case page");
		assertThat(reload(first).status()).isEqualTo(CaseStatus.INVESTIGATING);
		assertThat(reload(first).assigneeId()).isEqualTo(agent.id());
		shot(page, "case");

		page.navigate(base() + "/console/cases/new");
		shot(page, "hotline");
		page.navigate(base() + "/console/admin/categories");
		shot(page, "admin-categories");

		// the language switch in the top bar
		page.navigate(base() + "/console/cases/" + first.number());
		page.click("form.lang button[value=ru]");
		PlaywrightAssertions.assertThat(page.locator("#case-timeline h2")).hasText("История");
		shot(page, "case-ru");

		assertThat(problems).isEmpty();
		page.close();
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static void shot(Page page, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}
}
