package org.ombud.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.CategoryDraft;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.Priority;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.support.Chromium;
import org.ombud.support.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A corpus of XSS payloads ({@code xss-payloads.txt}) put where people control text — a complainant's name,
 * description, link and file names, an agent's reply and note — stays inert in a real Chromium on every page
 * that shows it: the queue, the case page, the chat list and pane, the audit log and the public status page. No
 * script runs, no dialog opens, no element of a payload exists in the page, the policy reports no violation, and
 * the text is shown as typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XssBrowserTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	Categories categories;

	@Autowired
	AgentDirectory directory;

	@Test
	void payloadsInMessagesNamesAndFileNamesStayInert() throws Exception {
		List<String> payloads = payloads();
		String marker = "xss" + UUID.randomUUID().toString().substring(0, 8);
		Team team = directory.createTeam(marker, "XSS " + marker);
		String key = "c" + marker;
		Category category = categories.create(new CategoryDraft(key, "Cat", "Кат", "类", team.id(), 100, true));
		Agent admin = directory.create(new NewAgent(marker + "a", "Admin " + payloads.get(1), null, "xss-test-password",
				Role.ADMIN, "en", java.util.Set.of(team.id())));
		// one case per payload, its name and first line the payload: the lists show them all
		for (String payload : payloads) {
			submit(category, payload, marker + " " + payload + "\n" + payload, payload + ".png");
		}
		// and one that holds every payload, with a reply and a note of an agent
		String all = marker + "\n" + String.join("\n", payloads);
		Receipt everything = submit(category, payloads.get(0), all, payloads.get(2) + ".png");
		cases.reply(everything.caseView().id(), String.join("\n", payloads), Actor.agent(admin.id()));
		cases.note(everything.caseView().id(), String.join("\n", payloads), Actor.agent(admin.id()));

		Page page = chromium.browser().newPage();
		List<String> problems = new ArrayList<>();
		Chromium.watch(page, problems, null);
		page.onDialog(d -> {
			problems.add("dialog: " + d.message());
			d.dismiss();
		});
		Chromium.logIn(page, base(), admin.username(), "xss-test-password");

		String number = everything.caseView().number();
		long chat = everything.caseView().conversationId();
		check(page, "/console/cases?q=" + marker, problems, payloads.get(3));
		check(page, "/console/cases/" + number, problems, payloads.get(5));
		check(page, "/console/chats?team=" + team.id(), problems, payloads.get(0));
		check(page, "/console/chats/" + chat + "?team=" + team.id(), problems, payloads.get(8));
		check(page, "/console/admin/audit", problems, null);
		check(page, "/status/" + everything.statusToken(), problems, payloads.get(12));

		assertThat(problems).isEmpty();
		page.close();
	}

	/** Opens the page, lets it settle, and finds no trace of a payload having run or become an element. */
	private void check(Page page, String path, List<String> problems, String shownLiterally) {
		page.navigate(base() + path);
		page.waitForLoadState();
		page.waitForTimeout(300);
		assertThat(page.evaluate("window.__xss === undefined")).as("a payload ran on %s", path).isEqualTo(true);
		assertThat(page.evaluate("document.querySelectorAll('[data-xss]').length")).as("payload elements on %s", path)
			.isEqualTo(0);
		assertThat(page.evaluate("document.querySelectorAll('iframe, object, embed, base').length"))
			.as("frames, objects or base on %s", path).isEqualTo(0);
		assertThat(page.url()).as("still on %s", path).startsWith(base());
		if (shownLiterally != null) {
			assertThat((String) page.evaluate("document.body.innerText")).as("the payload as text on %s", path)
				.contains(shownLiterally.strip());
		}
		assertThat(problems).as("script errors or policy violations on %s", path).isEmpty();
	}

	private Receipt submit(Category category, String name, String description, String fileName) {
		return intake.submit(new Submission(Channels.WEBFORM, name.length() > 200 ? name.substring(0, 200) : name,
				"xss-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", null, null, "en", category.key(),
				null, description, "https://social.example/p?q=" + name, Priority.NORMAL,
				List.of(new EvidenceFile(fileName, SampleFiles.png())), Actor.CONTACT));
	}

	private static List<String> payloads() throws IOException {
		try (InputStream in = XssBrowserTests.class.getResourceAsStream("xss-payloads.txt")) {
			return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
				.filter(l -> !l.isBlank())
				.toList();
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
