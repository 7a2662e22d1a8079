package org.ombud.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.support.FakeTelegram.Updates.nextId;
import static org.ombud.support.FakeTelegram.Updates.privateMessage;
import static org.ombud.support.FakeTelegram.Updates.user;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ombud.cases.Categories;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.support.Chromium;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two agents at peak hours, in a real Chromium each, with nothing faked between Telegram and their screens: a
 * client writes to the bot and both lists show the chat within a second; ten minutes later (the application's
 * clock moved on, the breach detector and the live stream doing the rest) the row turns red before its
 * 15-minute first-reply deadline; one agent raises Alarm and the chat jumps to the top of the other's list with a
 * browser notification.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeakHoursBrowserTests extends TelegramTestSupport {

	static final String PASSWORD = "peak-hours-password";

	static final Duration LIVE = Duration.ofSeconds(1);

	@Autowired
	AgentDirectory directory;

	@Autowired
	TestClock clock;

	@Autowired
	Categories categories;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	final List<String> problems = new ArrayList<>();

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void twoAgentsSeeAChatArriveTurnRedBeforeItsDeadlineAndJumpToTheTopOnAlarm() {
		Agent anna = supervisor("anna");
		Agent boris = supervisor("boris");
		Page a = console(anna);
		Page b = console(boris);
		String[] bot = webhookBot();

		// a client writes: both agents see the chat within a second, without reloading
		long first = newUserId();
		long sent = System.nanoTime();
		assertThat(post(bot, privateMessage(nextId(), 1, user(first, "Ирина", "ru"), "Мой аккаунт взломали"))).isEqualTo(200);
		long firstChat = conversation(bot, first).id();
		row(a, firstChat).waitFor(new Locator.WaitForOptions().setTimeout(LIVE.toMillis()));
		row(b, firstChat).waitFor(new Locator.WaitForOptions().setTimeout(LIVE.toMillis()));
		assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(LIVE.plusMillis(500));
		PlaywrightAssertions.assertThat(row(b, firstChat)).containsText("Ирина");
		PlaywrightAssertions.assertThat(row(b, firstChat)).not().hasClass(Pattern.compile("\\blate\\b"));

		// a second client writes: the newer chat stands above the first
		long second = newUserId();
		assertThat(post(bot, privateMessage(nextId(), 1, user(second, "Wang", "zh"), "我的视频被删除了"))).isEqualTo(200);
		long secondChat = conversation(bot, second).id();
		PlaywrightAssertions.assertThat(b.locator("#chat-list tr.chat").first())
			.hasAttribute("data-chat", String.valueOf(secondChat), within(LIVE));

		// ten minutes on, nobody has answered: the first-reply clocks warn and both rows turn red in both lists,
		// five minutes before the deadline
		clock.shift(Duration.ofMinutes(10));
		for (Page page : List.of(a, b)) {
			for (long chat : List.of(firstChat, secondChat)) {
				PlaywrightAssertions.assertThat(row(page, chat)).hasClass(Pattern.compile("\\blate\\b"),
						new LocatorAssertions.HasClassOptions().setTimeout(LIVE.plusMillis(500).toMillis()));
			}
		}

		// Anna raises Alarm on the older chat: it jumps to the top of Boris's list, marked, and his browser tells him
		row(a, firstChat).locator("td.name a").click();
		a.waitForURL(Pattern.compile(".*/console/chats/" + firstChat + "(\\?.*)?$"));
		a.click("#chat-alarm");
		PlaywrightAssertions.assertThat(a.locator("#chat-alarm")).hasText("Clear alarm");
		Locator top = b.locator("#chat-list tr.chat").first();
		PlaywrightAssertions.assertThat(top).hasAttribute("data-chat", String.valueOf(firstChat), within(LIVE));
		PlaywrightAssertions.assertThat(top).hasClass(Pattern.compile("\\balarm\\b"));
		for (int i = 0; i < 40 && ((Number) b.evaluate("window.__notes.length")).intValue() == 0; i++) {
			b.waitForTimeout(50);
		}
		assertThat((String) b.evaluate("window.__notes.length ? window.__notes[0].title : ''")).startsWith("Alarm");

		// Anna clears it: the mark goes from Boris's list too
		a.click("#chat-alarm");
		PlaywrightAssertions.assertThat(a.locator("#chat-alarm")).hasText("Raise alarm");
		PlaywrightAssertions.assertThat(row(b, firstChat)).not().hasClass(Pattern.compile("\\balarm\\b"),
				new LocatorAssertions.HasClassOptions().setTimeout(LIVE.plusMillis(500).toMillis()));

		assertThat(problems).isEmpty();
	}

	private Agent supervisor(String name) {
		String username = name + UUID.randomUUID().toString().substring(0, 6);
		return directory.create(new NewAgent(username, name.substring(0, 1).toUpperCase() + name.substring(1), null,
				PASSWORD, Role.SUPERVISOR, "en", Set.of()));
	}

	/** A logged-in agent's chat list in a browser of their own, with notifications recorded instead of shown. */
	private Page console(Agent agent) {
		BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1600, 1000));
		context.addInitScript("""
				window.__notes = [];
				window.Notification = function (title, options) { window.__notes.push({ title: title, body: options && options.body }); };
				window.Notification.permission = 'granted';
				window.Notification.requestPermission = function () { return Promise.resolve('granted'); };""");
		Page page = context.newPage();
		Chromium.watch(page, problems, agent.username());
		Chromium.logIn(page, "http://127.0.0.1:" + port, agent.username(), PASSWORD);
		// the team Telegram's complaints go to: the chats other tests leave elsewhere stay out of the way
		long team = categories.byKey("other").orElseThrow().defaultTeamId();
		page.navigate("http://127.0.0.1:" + port + "/console/chats?team=" + team);
		page.waitForSelector("#chat-list");
		return page;
	}

	private static Locator row(Page page, long conversationId) {
		return page.locator("#chat-list tr.chat[data-chat='" + conversationId + "']");
	}

	private static LocatorAssertions.HasAttributeOptions within(Duration duration) {
		return new LocatorAssertions.HasAttributeOptions().setTimeout(duration.toMillis());
	}
}
