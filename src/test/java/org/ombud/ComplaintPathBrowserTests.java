package org.ombud;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.support.Browsers;
import org.ombud.support.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole path in Chromium: a person files a complaint on the web form and gets a number, an agent finds
 * it in the team's queue and replies, and the person sees the reply on the private status page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintPathBrowserTests {

	static final String PASSWORD = "browser-path-password";

	@LocalServerPort
	int port;

	@Autowired
	AgentDirectory directory;

	@Autowired
	CaseManagement cases;

	@Test
	void formToNumberToQueueToReplyToStatusPage() throws Exception {
		String marker = "стрим" + UUID.randomUUID().toString().substring(0, 8);
		long contentTeam = directory.teamByKey("content").orElseThrow().id();
		Agent agent = directory.create(new NewAgent("path" + UUID.randomUUID().toString().substring(0, 8), "Anna Path",
				null, PASSWORD, Role.DUTY_AGENT, "en", Set.of(contentTeam)));
		List<String> problems = new ArrayList<>();

		try (Playwright playwright = Playwright.create(); Browser browser = Browsers.chromium(playwright)) {
			BrowserContext complainant = browser.newContext();
			Page form = watch(complainant.newPage(), problems);
			form.navigate(base() + "/report?lang=ru");
			form.selectOption("#category", "content");
			form.fill("#description", "Стример оскорбляет зрителей 😡 " + marker + " <b>bold</b>");
			form.fill("#reportedObject", "https://stream.example/u/" + marker);
			form.fill("#email", marker.substring(5) + "@example.com");
			form.setInputFiles("#evidence", new FilePayload("shot.png", "image/png", SampleFiles.png()));
			form.check("#consent");
			form.click("form.form button[type=submit]");

			String number = form.locator("#case-number").textContent().strip();
			assertThat(number).matches("C-\\d{4}-\\d{6,}");
			String statusHref = form.locator("a.token-link").getAttribute("href");
			shot(form, "path-1-receipt");

			CaseView opened = cases.find(number).orElseThrow();
			assertThat(opened.teamId()).isEqualTo(contentTeam);
			assertThat(cases.evidence(opened.id())).hasSize(1);

			BrowserContext desk = browser.newContext();
			Page console = watch(desk.newPage(), problems);
			console.navigate(base() + "/login?lang=en");
			console.fill("input[name=username]", agent.username());
			console.fill("input[name=password]", PASSWORD);
			console.click("form.stack button[type=submit]");
			console.waitForURL("**/console/cases");
			console.selectOption("select[name=team]", String.valueOf(contentTeam));
			console.fill("#q", marker);
			assertThat(console.locator("#queue-results tbody tr")).hasCount(1);
			assertThat(console.locator("#queue-results tbody tr").first()).containsText(number);
			shot(console, "path-2-queue");

			console.click("#queue-results a[href='/console/cases/" + number + "']");
			console.waitForURL("**/console/cases/" + number);
			console.fill("#reply-body", "Спасибо, мы проверяем запись трансляции.");
			console.click("#action-reply button[type=submit]");
			assertThat(console.locator("#case-timeline li.tl-outbound .body"))
				.hasText("Спасибо, мы проверяем запись трансляции.");
			shot(console, "path-3-case");

			form.navigate(base() + statusHref);
			assertThat(form.locator("li.entry-reply .entry-body")).hasText("Спасибо, мы проверяем запись трансляции.");
			assertThat(form.locator("li.entry-message .entry-body").first())
				.hasText("Стример оскорбляет зрителей 😡 " + marker + " <b>bold</b>");
			assertThat(form.locator("li.entry-message b")).hasCount(0);
			shot(form, "path-4-status");
		}
		assertThat(problems).as("console errors or CSP violations").isEmpty();
	}

	private Page watch(Page page, List<String> problems) {
		page.onConsoleMessage(m -> {
			if (m.type().equals("error")) {
				problems.add(m.text());
			}
		});
		page.onPageError(problems::add);
		return page;
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static void shot(Page page, String name) throws Exception {
		Path dir = Path.of("target/screenshots");
		Files.createDirectories(dir);
		page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
	}
}
