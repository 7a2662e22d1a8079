package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ombud.cases.CaseView;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.EvidencePolicy;
import org.ombud.conversations.Conversations;
import org.ombud.identity.Agent;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.Role;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.support.Chromium;
import org.ombud.support.FakeTelegram;
import org.ombud.support.SampleFiles;
import org.ombud.telegram.TelegramBot;
import org.ombud.telegram.TelegramBots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A corpus of classic XSS payloads ({@code org/ombud/xss/payloads.txt}) written wherever a complainant, a client
 * or an agent controls text: the web form (name, description, reported object, evidence file name), Telegram
 * (a private chat's sender and messages, a group's title, sender and messages), the API (a case and a message) and
 * an agent's reply and note. In Chromium, the queue, the case pages, the chats, the audit log and the status page
 * show every payload as text: no dialog opens, no payload's script runs ({@code window.__xss} stays unset), no
 * element of a payload ({@code [data-xss]}) is in the page, and the content security policy reports nothing.
 */
class XssCorpusBrowserTests extends ConsoleTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TelegramBots bots;

	@Autowired
	Conversations conversations;

	@Autowired
	ApiTokens tokens;

	@Test
	void payloadsStayInertEverywhere() throws Exception {
		List<String> corpus = corpus();
		assertThat(corpus).hasSizeGreaterThan(40);
		String all = String.join("\n", corpus);
		Agent admin = admin();

		// the web form's fields, as the form hands them to intake
		Receipt web = intake.submit(new Submission("webform", corpus.get(8), unique("x") + "@example.com", null, null,
				"en", "content", null, all, corpus.get(14), null,
				List.of(new EvidenceFile(corpus.get(10) + ".png", SampleFiles.png()),
						new EvidenceFile(corpus.get(3) + ".png", SampleFiles.png())),
				Actor.CONTACT));
		CaseView webCase = web.caseView();
		cases.reply(webCase.id(), all, Actor.agent(admin.id()));
		cases.note(webCase.id(), all, Actor.agent(admin.id()));

		// the API: a case with the corpus in every text, and a message
		String token = tokens.create("xss-" + unique("t"), null).secret();
		ObjectNode request = JSON.createObjectNode().put("category", "content").put("description", all)
			.put("reportedObject", corpus.get(15));
		request.putObject("complainant").put("email", unique("api") + "@example.com").put("name", corpus.get(9));
		request.putArray("evidence").addObject().put("fileName", corpus.get(11) + ".png")
			.put("contentBase64", Base64.getEncoder().encodeToString(SampleFiles.png()));
		JsonNode created = JSON.readTree(mvc.perform(post("/api/v1/cases").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content(request.toString()))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString());
		String apiNumber = created.path("number").asString();
		mvc.perform(post("/api/v1/cases/{n}/messages", apiNumber).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.createObjectNode().put("body", all).toString()))
			.andExpect(status().isCreated());

		// Telegram: a private chat whose sender's name is a payload, and a group whose title and sender are
		FakeTelegram telegram = FakeTelegram.shared();
		String botToken = telegram.newBot("xss_" + unique("b").substring(0, 8) + "_bot");
		TelegramBot bot = bots.add(botToken);
		bots.setWebhook(bot.key());
		String secret = telegram.calls(botToken, "setWebhook").getLast().parameters().path("secret_token").asString();
		long userId = FakeTelegram.Updates.nextId();
		ObjectNode sender = FakeTelegram.Updates.user(userId, corpus.get(5), "en");
		assertThat(webhook(bot.key(), secret, FakeTelegram.Updates.privateMessage(FakeTelegram.Updates.nextId(), 1,
				sender, all))).isEqualTo(200);
		long groupId = -FakeTelegram.Updates.nextId();
		ObjectNode member = FakeTelegram.Updates.user(FakeTelegram.Updates.nextId(), corpus.get(6), "en")
			.put("last_name", corpus.get(12));
		assertThat(webhook(bot.key(), secret, FakeTelegram.Updates.botAddedToGroup(FakeTelegram.Updates.nextId(),
				groupId, corpus.get(4), member))).isEqualTo(200);
		assertThat(webhook(bot.key(), secret, FakeTelegram.Updates.groupMessage(FakeTelegram.Updates.nextId(), 2,
				groupId, corpus.get(4), member, all))).isEqualTo(200);
		long privateChat = conversations.chat(TelegramBots.CHANNEL, bot.key(), String.valueOf(userId)).orElseThrow().id();
		long groupChat = conversations.chat(TelegramBots.CHANNEL, bot.key(), String.valueOf(groupId)).orElseThrow().id();
		CaseView telegramCase = cases.currentCase(privateChat).orElseThrow();

		BrowserContext context = chromium.browser().newContext();
		// a policy violation is reported to the page before the console hears of it; dialogs are recorded and closed
		context.addInitScript("""
				window.__csp = [];
				document.addEventListener('securitypolicyviolation',
				    e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));""");
		Page page = context.newPage();
		List<String> problems = new ArrayList<>();
		Chromium.watch(page, problems, null);
		page.onDialog(dialog -> {
			problems.add("dialog: " + dialog.message());
			dialog.dismiss();
		});
		Chromium.logIn(page, base(), admin.username(), PASSWORD);

		inert(page, "/console/cases", problems);
		inert(page, "/console/cases/" + webCase.number(), problems);
		shows(page, corpus, "case page");
		shows(page, List.of(corpus.get(8), EvidencePolicy.safeName(corpus.get(10) + ".png"),
				EvidencePolicy.safeName(corpus.get(3) + ".png")), "case page");
		inert(page, "/console/cases/" + apiNumber, problems);
		shows(page, List.of(corpus.get(9), EvidencePolicy.safeName(corpus.get(11) + ".png")), "API case");
		inert(page, "/console/cases/" + telegramCase.number(), problems);
		shows(page, List.of(corpus.get(5)), "Telegram case");
		inert(page, "/console/chats", problems);
		shows(page, List.of(corpus.get(4)), "chat list");
		inert(page, "/console/chats/" + privateChat, problems);
		shows(page, corpus, "private chat");
		inert(page, "/console/chats/" + groupChat, problems);
		shows(page, corpus, "group chat");
		inert(page, "/console/notifications", problems);
		inert(page, "/console/admin/audit", problems);

		// the complainant's status page: their messages, the agent's reply and their files' names
		Page status = context.newPage();
		Chromium.watch(status, problems, "status");
		status.onDialog(dialog -> {
			problems.add("dialog: " + dialog.message());
			dialog.dismiss();
		});
		inert(status, "/status/" + web.statusToken(), problems);
		shows(status, corpus, "status page");
		shows(status, List.of(EvidencePolicy.safeName(corpus.get(10) + ".png")), "status page");
		context.close();
		assertThat(problems).isEmpty();
	}

	/** Opens a page and checks that nothing of the corpus ran or became part of the page. */
	private void inert(Page page, String path, List<String> problems) {
		page.navigate(base() + path);
		page.waitForLoadState();
		@SuppressWarnings("unchecked")
		Map<String, Object> state = (Map<String, Object>) page.evaluate("""
				() => ({ xss: String(window.__xss), csp: window.__csp.join(', '),
				         marked: document.querySelectorAll('[data-xss], xss-el').length,
				         status: document.title })""");
		assertThat(state.get("xss")).as("window.__xss on %s", path).isEqualTo("undefined");
		assertThat(state.get("csp")).as("policy violations on %s", path).isEqualTo("");
		assertThat(((Number) state.get("marked")).intValue()).as("payload elements on %s", path).isZero();
		assertThat(problems).as("script errors, policy violations and dialogs on %s", path).isEmpty();
	}

	/** Each text is on the page, character for character, as text. */
	private static void shows(Page page, List<String> texts, String where) {
		String text = (String) page.evaluate("document.body.innerText");
		for (String t : texts) {
			assertThat(text).as("%s shows %s", where, t).contains(t.strip());
		}
	}

	private int webhook(String key, String secret, JsonNode update) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/telegram/webhook/" + key))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Telegram-Bot-Api-Secret-Token", secret)
			.POST(HttpRequest.BodyPublishers.ofString(update.toString()))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private String base() {
		return "http://localhost:" + port;
	}

	static List<String> corpus() throws IOException {
		try (InputStream in = XssCorpusBrowserTests.class.getResourceAsStream("/org/ombud/xss/payloads.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.toList();
		}
	}
}
