package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ombud.cases.CaseView;
import org.ombud.cases.Category;
import org.ombud.conversations.MessageDeliveries;
import org.ombud.conversations.MessageDelivery;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.shared.Tokens;
import org.ombud.support.Await;
import org.ombud.support.FakeChannel;
import org.ombud.support.Chromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An agent answers a chat in Chromium under the strict CSP: the reply with its options goes out, a refused
 * delivery shows why and is retried, and a client's message becomes a new case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleOutboundBrowserTests extends ConsoleTestSupport {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	@LocalServerPort
	int port;

	@Autowired
	FakeChannel channel;

	@Autowired
	MessageDeliveries deliveries;

	@Autowired
	org.ombud.conversations.Conversations conversations;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void anAgentRepliesOnAChannelRetriesARefusedDeliveryAndOpensACaseFromAMessage() throws Exception {
		Team team = team();
		Category category = category(team);
		Agent agent = agent(Role.DUTY_AGENT, "en", team);
		CaseView c = newCase(category, "The bot keeps sending me ads\nSince Monday.");
		String chatId = "chat-" + Tokens.random(8);
		jdbc.sql("update conversations set channel = ?, endpoint_key = ?, external_chat_id = ? where id = ?")
			.params(FakeChannel.CHANNEL, "bot-" + Tokens.random(6), chatId, c.conversationId())
			.update();
		long question = conversations.messages(c.conversationId()).getFirst().id();
		jdbc.sql("update messages set external_id = '31' where id = ?").param(question).update();
		channel.script(chatId, new FakeChannel.Refuse("Bad Request: chat not found", true));

		Page page = chromium.browser().newPage();
		List<String> problems = new ArrayList<>();
		Chromium.watch(page, problems, null);
		Chromium.logIn(page, base(), agent.username(), PASSWORD);
		page.navigate(base() + "/console/cases/" + c.number());

		page.fill("#reply-body", "We switched the ads off: https://help.example/ads");
		page.check("input[name=noLinkPreview]");
		page.selectOption("select[name=replyTo]", Long.toString(question));
		page.click("#action-reply button[type=submit]");
		PlaywrightAssertions.assertThat(page.locator("#case-timeline li.tl-outbound .body"))
			.hasText("We switched the ads off: https://help.example/ads");
		long reply = conversations.messages(c.conversationId())
			.stream()
			.filter(m -> m.kind() == MessageKind.OUTBOUND)
			.findFirst()
			.orElseThrow()
			.id();
		Await.until(Duration.ofSeconds(20), "refused", () -> MessageDelivery.FAILED.equals(state(reply)));
		page.reload();
		PlaywrightAssertions.assertThat(page.locator("#case-timeline li.tl-outbound .delivery"))
			.containsText("not delivered");
		PlaywrightAssertions.assertThat(page.locator("#case-timeline li.tl-outbound .delivery"))
			.containsText("Reason: Bad Request: chat not found");
		shot(page, "outbound-failed");

		page.click("#case-timeline li.tl-outbound .delivery button");
		page.waitForURL("**/console/cases/" + c.number());
		PlaywrightAssertions.assertThat(page.locator(".notice")).containsText("queued for delivery again");
		Await.until(Duration.ofSeconds(20), "delivered", () -> MessageDelivery.SENT.equals(state(reply)));
		page.reload();
		PlaywrightAssertions.assertThat(page.locator("#case-timeline li.tl-outbound .badge")).hasText("delivered");
		FakeChannel.Received received = channel.received(chatId).getFirst();
		assertThat(received.noLinkPreview()).isTrue();
		assertThat(received.replyTo()).isEqualTo("31");
		assertThat(channel.received(chatId)).hasSize(1);

		page.click("#case-timeline li.tl-inbound details summary");
		page.selectOption("#new-case-category-" + question, category.key() + "/sub");
		shot(page, "outbound-tools");
		page.click("#case-timeline li.tl-inbound details form button");
		page.waitForURL(url -> !url.endsWith(c.number()));
		PlaywrightAssertions.assertThat(page.locator(".notice")).containsText(c.number());
		PlaywrightAssertions.assertThat(page.locator("#case-timeline li.tl-inbound .body"))
			.containsText("The bot keeps sending me ads");
		shot(page, "outbound-new-case");
		assertThat(problems).isEmpty();
		page.close();
	}

	private String state(long messageId) {
		return deliveries.delivery(messageId).map(MessageDelivery::state).orElse(null);
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static void shot(Page page, String name) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}
}
