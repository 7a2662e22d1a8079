package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.conversations.Chats;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.support.Chromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Chats view in a real Chromium on a 1080p screen under the strict CSP: one 28 px line per chat (more than
 * 30 on screen), pin, star and alarm through htmx, a live signal refreshing the list, and an alarm turning into
 * a browser notification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChatsBrowserTests extends ConsoleTestSupport {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	@LocalServerPort
	int port;

	@Autowired
	Chats chats;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void denseListWithPinStarAndAlarmUnderTheContentSecurityPolicy() throws Exception {
		Team team = team();
		Category category = category(team);
		Agent agent = agent(Role.DUTY_AGENT, "en", team);
		List<CaseView> made = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			made.add(newCase(category, "Chat number " + i + " with a rather long first message that must not wrap onto a second line of the list"));
		}
		CaseView oldest = made.getFirst();
		CaseView middle = made.get(20);

		BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1920, 1080));
		// the browser's notifications, recorded instead of shown
		context.addInitScript("""
				window.__notes = [];
				window.Notification = function (title, options) { window.__notes.push({ title: title, body: options && options.body }); };
				window.Notification.permission = 'granted';
				window.Notification.requestPermission = function () { return Promise.resolve('granted'); };""");
		Page page = context.newPage();
		List<String> problems = new ArrayList<>();
		Chromium.watch(page, problems, null);

		Chromium.logIn(page, base(), agent.username(), PASSWORD);
		page.click("nav.nav a[href='/console/chats']");
		page.waitForURL("**/console/chats");
		// this test's team only: other tests leave chats without a team, which every agent also sees
		page.navigate(base() + "/console/chats?team=" + team.id());

		// compact: one line of 28 px per chat, at least 30 of them on the screen
		PlaywrightAssertions.assertThat(page.locator("#chat-list tr.chat")).hasCount(40);
		@SuppressWarnings("unchecked")
		List<Number> heights = (List<Number>) page.evaluate(
				"Array.from(document.querySelectorAll('#chat-list tr.chat')).map(r => r.getBoundingClientRect().height)");
		assertThat(heights).allSatisfy(h -> assertThat(h.doubleValue()).isBetween(26.0, 29.5));
		Object visible = page.evaluate("Array.from(document.querySelectorAll('#chat-list tr.chat'))"
				+ ".filter(r => r.getBoundingClientRect().bottom <= window.innerHeight).length");
		assertThat(((Number) visible).intValue()).isGreaterThanOrEqualTo(30);
		shot(page, "chats");

		// pin the oldest chat: it goes on top
		page.evaluate("window.ombudMarker = 'same page'");
		row(page, oldest).locator("button.pin").click();
		PlaywrightAssertions.assertThat(page.locator("#chat-list tr.chat").first())
			.hasAttribute("data-chat", String.valueOf(oldest.conversationId()));
		PlaywrightAssertions.assertThat(row(page, oldest).locator("button.pin")).hasAttribute("aria-pressed", "true");
		// star another
		row(page, middle).locator("button.star").click();
		PlaywrightAssertions.assertThat(row(page, middle).locator("button.star")).hasAttribute("aria-pressed", "true");
		assertThat(chats.chat(agent.id(), middle.conversationId()).orElseThrow().starred()).isTrue();
		assertThat(page.evaluate("window.ombudMarker")).isEqualTo("same page");

		// a live signal (as the console's event stream sends it) refreshes the list in place
		CaseView fresh = newCase(category, "Arrived while the list was open");
		page.evaluate("document.body.dispatchEvent(new CustomEvent('live-conversation', { detail: { topic: 'conversation', id: "
				+ fresh.conversationId() + " } }))");
		PlaywrightAssertions.assertThat(row(page, fresh)).hasCount(1);
		assertThat(page.evaluate("window.ombudMarker")).isEqualTo("same page");

		// open a chat and raise the alarm: it tops the list in red
		row(page, middle).locator("td.name a").click();
		// the chat's address keeps the list's filter (?team=…)
		page.waitForURL(java.util.regex.Pattern.compile(".*/console/chats/" + middle.conversationId() + "(\\?.*)?$"));
		PlaywrightAssertions.assertThat(page.locator("#chat-messages li")).hasCount(1);
		page.click("#chat-alarm");
		PlaywrightAssertions.assertThat(page.locator("#chat-alarm")).hasText("Clear alarm");
		PlaywrightAssertions.assertThat(page.locator("#chat-list tr.chat").first())
			.hasAttribute("data-chat", String.valueOf(middle.conversationId()));
		PlaywrightAssertions.assertThat(page.locator("#chat-list tr.chat").first()).hasClass(java.util.regex.Pattern.compile("\\balarm\\b"));

		// the alarm signal turns into a browser notification
		page.evaluate("document.body.dispatchEvent(new CustomEvent('live-alarm', { detail: { topic: 'alarm', id: "
				+ middle.conversationId() + " } }))");
		for (int i = 0; i < 100 && ((Number) page.evaluate("window.__notes.length")).intValue() == 0; i++) {
			page.waitForTimeout(50);
		}
		assertThat(page.evaluate("window.__notes[0].title")).isEqualTo("Alarm: Complainant Person");

		// a reply ends the alarm
		page.fill("#chat-reply-body", "We are on it");
		page.click("#chat-reply button[type=submit]");
		PlaywrightAssertions.assertThat(page.locator("#chat-messages li.msg-outbound .body")).hasText("We are on it");
		PlaywrightAssertions.assertThat(page.locator("#chat-alarm")).hasText("Raise alarm");
		PlaywrightAssertions.assertThat(page.locator("#chat-reply-body")).hasValue("");
		assertThat(chats.chat(agent.id(), middle.conversationId()).orElseThrow().alarmed()).isFalse();

		// (a screenshot leaves empty style attributes behind, which htmx would copy: so only at the end)
		shot(page, "chats-open");
		assertThat(problems).isEmpty();
		context.close();
	}

	private static com.microsoft.playwright.Locator row(Page page, CaseView c) {
		return page.locator("#chat-list tr[data-chat='" + c.conversationId() + "']");
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static void shot(Page page, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
	}
}
