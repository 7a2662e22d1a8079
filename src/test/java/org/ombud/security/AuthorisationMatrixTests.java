package org.ombud.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.CategoryDraft;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.Priority;
import org.ombud.contacts.Organisations;
import org.ombud.conversations.Access;
import org.ombud.conversations.Conversations;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.ApiScope;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.support.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the application × every role × its own and someone else's resource, against the expected
 * outcome written in {@code authorisation-matrix.txt}. The endpoints come from Spring MVC's own mappings: an
 * endpoint added without a line in the table fails this test, and so does a line for an endpoint that is gone.
 * <p>
 * Outcomes: {@code A} allowed (anything but 401, 403, 404 or the login page); {@code D} denied (401, 403 or the
 * login page); {@code O} own only (allowed on a resource the caller sees, 404 on one they do not, exactly like a
 * resource that does not exist); {@code H} hidden (404); {@code R} reached (not denied; the resource may not
 * exist). Posts carry a valid CSRF token and deliberately incomplete input, so an allowed action is refused as
 * bad input and a denial is the permission's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTests {

	/** The callers, in the table's column order. */
	static final List<String> CALLERS = List.of("anonymous", "api", "admin", "supervisor", "account_manager",
			"duty_agent", "moderator", "task_agent", "compliance_viewer");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AgentDirectory directory;

	@Autowired
	Categories categories;

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	Organisations organisations;

	@Autowired
	Conversations conversations;

	@Autowired
	Access access;

	@Autowired
	ApiTokens tokens;

	/** One resource set: a case with its number, chat, first message, evidence, a grant and its status token. */
	record Resource(String number, long conversationId, long messageId, long replyId, long evidenceId, long grantId,
			String statusToken) {
	}

	final Map<String, AgentPrincipal> principals = new LinkedHashMap<>();

	final Map<String, Resource> own = new LinkedHashMap<>();

	Resource other;

	String apiSecret;

	Team teamA;

	long categoryId;

	long subcategoryId;

	long spareAgentId;

	long spareTokenId;

	long organisationId;

	@BeforeAll
	void desk() {
		teamA = directory.createTeam(unique("ma"), "Matrix A");
		Team teamB = directory.createTeam(unique("mb"), "Matrix B");
		Category catA = category(teamA);
		Category catB = category(teamB);
		categoryId = catA.id();
		subcategoryId = catA.subcategories().getFirst().id();
		Agent admin = agent(Role.ADMIN);
		Agent supervisor = agent(Role.SUPERVISOR);
		Agent manager = agent(Role.ACCOUNT_MANAGER);
		Agent duty = agent(Role.DUTY_AGENT, teamA);
		Agent moderator = agent(Role.MODERATOR, teamA);
		Agent task = agent(Role.TASK_AGENT, teamA);
		Agent compliance = agent(Role.COMPLIANCE_VIEWER, teamA, teamB);
		spareAgentId = agent(Role.DUTY_AGENT).id();
		List.of(admin, supervisor, manager, duty, moderator, task, compliance)
			.forEach(a -> principals.put(a.role().name().toLowerCase(), principal(a)));

		Receipt inTeamA = open(catA, Actor.CONTACT);
		Receipt managed = open(catB, Actor.CONTACT);
		organisationId = organisations.create(unique("Org "), manager.id(), teamB.id()).id();
		conversations.joinOrganisation(managed.caseView().conversationId(), organisationId);
		Receipt assigned = open(catB, Actor.CONTACT);
		cases.assign(assigned.caseView().id(), task.id(), Actor.SYSTEM);
		Receipt nobodys = open(catB, Actor.CONTACT);
		var token = tokens.create(unique("matrix"), null, Set.of(ApiScope.CASES_READ, ApiScope.CASES_WRITE));
		apiSecret = token.secret();
		Receipt byApi = open(catB, Actor.api(token.token().id()));
		spareTokenId = tokens.create(unique("spare"), null).token().id();

		Resource a = resource(inTeamA, supervisor);
		own.put("admin", a);
		own.put("supervisor", a);
		own.put("duty_agent", a);
		own.put("moderator", a);
		own.put("account_manager", resource(managed, supervisor));
		own.put("task_agent", resource(assigned, supervisor));
		own.put("compliance_viewer", a);
		own.put("anonymous", a);
		own.put("api", resource(byApi, supervisor));
		other = resource(nobodys, supervisor);
	}

	@Test
	void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
		Map<String, String[]> table = table();
		Set<String> endpoints = endpoints();
		Set<String> missing = new TreeSet<>(endpoints);
		missing.removeAll(table.keySet());
		Set<String> gone = new TreeSet<>(table.keySet());
		gone.removeAll(endpoints);
		assertThat(missing).as("endpoints without a line in src/test/resources/org/ombud/security/authorisation-matrix.txt"
				+ " (add one: METHOD path, then one of A D O H R for %s)", CALLERS).isEmpty();
		assertThat(gone).as("lines in authorisation-matrix.txt for endpoints that no longer exist").isEmpty();

		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Map.Entry<String, String[]> row : table.entrySet()) {
			String[] parts = row.getKey().split(" ", 2);
			for (int i = 0; i < CALLERS.size(); i++) {
				String caller = CALLERS.get(i);
				String expected = row.getValue()[i];
				int ownStatus = call(parts[0], parts[1], caller, own.get(caller));
				checked++;
				String ownOutcome = classify(ownStatus);
				switch (expected) {
					case "A", "O" -> {
						if (!ownOutcome.equals("A")) {
							failures.add(row.getKey() + " as " + caller + " on its own: " + ownStatus + ", expected allowed");
						}
					}
					case "D" -> {
						if (!ownOutcome.equals("D")) {
							failures.add(row.getKey() + " as " + caller + ": " + ownStatus + ", expected denied");
						}
					}
					case "H" -> {
						if (ownStatus != 404) {
							failures.add(row.getKey() + " as " + caller + ": " + ownStatus + ", expected 404");
						}
					}
					case "R" -> {
						if (ownOutcome.equals("D")) {
							failures.add(row.getKey() + " as " + caller + ": " + ownStatus + ", expected not denied");
						}
					}
					default -> failures.add(row.getKey() + ": unknown outcome " + expected);
				}
				if (expected.equals("O") || (expected.equals("A") && hasResource(parts[1]))) {
					int otherStatus = call(parts[0], parts[1], caller, other);
					checked++;
					if (expected.equals("O") && otherStatus != 404) {
						failures.add(row.getKey() + " as " + caller + " on someone else's: " + otherStatus + ", expected 404");
					}
					if (expected.equals("A") && !classify(otherStatus).equals("A")) {
						failures.add(row.getKey() + " as " + caller + " on someone else's: " + otherStatus
								+ ", expected allowed (this caller sees everything)");
					}
				}
			}
		}
		assertThat(failures).as("%d checks of %d endpoints", checked, table.size()).isEmpty();
	}

	/** What a status says: A allowed, D denied, H hidden (404). */
	private static String classify(int status) {
		if (status == 401 || status == 403 || status == -1) {
			return "D";
		}
		return status == 404 ? "H" : "A";
	}

	private static boolean hasResource(String path) {
		return path.contains("{number}") || path.startsWith("/console/chats/{id}") || path.contains("{token}");
	}

	/** Performs one call; a redirect to the login page counts as -1 (denied), unless it says one just logged out. */
	private int call(String method, String pattern, String caller, Resource resource) throws Exception {
		String path = fill(pattern, resource);
		MockHttpServletRequestBuilder request = method.equals("POST") ? MockMvcRequestBuilders.post(path).with(csrf())
				: MockMvcRequestBuilders.get(path);
		if (method.equals("POST")) {
			if (path.startsWith("/api/")) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
			else {
				incomplete(path, request);
			}
		}
		if (caller.equals("api")) {
			request.header(HttpHeaders.AUTHORIZATION, "Bearer " + apiSecret);
		}
		else if (!caller.equals("anonymous")) {
			request.with(user(principals.get(caller)));
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		String location = response.getHeader(HttpHeaders.LOCATION);
		if (response.getStatus() / 100 == 3 && location != null && location.matches("(https?://[^/]+)?/login(\\?(?!logout).*)?")) {
			return -1;
		}
		return response.getStatus();
	}

	/** Input an allowed caller is refused for (422), so no call changes what later calls rely on. */
	private static void incomplete(String path, MockHttpServletRequestBuilder request) {
		if (path.endsWith("/assignee")) {
			request.param("assignee", "nobody");
		}
		else if (path.endsWith("/team")) {
			request.param("team", "none");
		}
		else if (path.endsWith("/status") && path.startsWith("/console/")) {
			request.param("status", "NO_SUCH_STATUS");
		}
		else if (path.endsWith("/priority")) {
			request.param("priority", "NO_SUCH_PRIORITY");
		}
		else if (path.equals("/console/duty")) {
			request.param("on", "true");
		}
		else if (path.equals("/console/language")) {
			request.param("lang", "en");
		}
	}

	private String fill(String pattern, Resource resource) {
		if (pattern.endsWith("/**")) {
			return pattern.substring(0, pattern.length() - 3) + "/no-such-page";
		}
		Matcher m = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String value = switch (name) {
				case "number" -> resource.number();
				case "token" -> resource == other ? "no-such-status-token-" + UUID.randomUUID() : resource.statusToken();
				case "evidenceId" -> String.valueOf(resource.evidenceId());
				// a retry is of our message; opening a case or a task is from the client's
				case "messageId" -> String.valueOf(pattern.endsWith("/retry") ? resource.replyId() : resource.messageId());
				case "grantId" -> String.valueOf(resource.grantId());
				case "subId" -> String.valueOf(subcategoryId);
				case "contactId" -> "999999999";
				case "key", "botKey" -> "no-such-bot";
				case "action" -> pattern.endsWith("{action:clear}") ? "clear" : "read";
				case "id" -> String.valueOf(id(pattern, resource));
				default -> throw new IllegalStateException("No value for {" + name + "} in " + pattern);
			};
			m.appendReplacement(path, Matcher.quoteReplacement(value));
		}
		m.appendTail(path);
		return path.toString();
	}

	private long id(String pattern, Resource resource) {
		if (pattern.startsWith("/console/chats/")) {
			return resource.conversationId();
		}
		if (pattern.contains("/evidence/")) {
			return resource.evidenceId();
		}
		if (pattern.startsWith("/console/admin/teams/")) {
			return teamA.id();
		}
		if (pattern.startsWith("/console/admin/agents/")) {
			return spareAgentId;
		}
		if (pattern.startsWith("/console/admin/categories/")) {
			return categoryId;
		}
		if (pattern.startsWith("/console/admin/tokens/")) {
			return spareTokenId;
		}
		if (pattern.startsWith("/console/admin/organisations/")) {
			return organisationId;
		}
		// SLA policies and calendars, trackers: a resource that may not exist; only the denial matters
		return 999_999_999L;
	}

	/** {@code METHOD pattern} of every handler method of the application's own controllers. */
	private Set<String> endpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				if (!entry.getValue().getBeanType().getPackageName().startsWith("org.ombud")) {
					continue;
				}
				RequestMappingInfo info = entry.getKey();
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (methods.isEmpty()) {
						endpoints.add("GET " + pattern);
						endpoints.add("POST " + pattern);
					}
					for (RequestMethod method : methods) {
						endpoints.add(method.name() + " " + pattern);
					}
				}
			}
		}
		return endpoints;
	}

	private static Map<String, String[]> table() throws IOException {
		Map<String, String[]> table = new LinkedHashMap<>();
		try (InputStream in = AuthorisationMatrixTests.class.getResourceAsStream("authorisation-matrix.txt")) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				String trimmed = line.strip();
				if (trimmed.isEmpty() || trimmed.startsWith("#")) {
					continue;
				}
				String[] words = trimmed.split("\\s+");
				if (words.length != 2 + CALLERS.size()) {
					throw new IllegalStateException("A line needs METHOD path and " + CALLERS.size() + " outcomes: " + line);
				}
				String[] outcomes = new String[CALLERS.size()];
				System.arraycopy(words, 2, outcomes, 0, outcomes.length);
				if (table.put(words[0] + " " + words[1], outcomes) != null) {
					throw new IllegalStateException("Two lines for " + words[0] + " " + words[1]);
				}
			}
		}
		return table;
	}

	private Resource resource(Receipt receipt, Agent granter) {
		CaseView c = receipt.caseView();
		// the complainant's own evidence: the status page shows it, unlike an agent's working files
		long evidenceId = cases.evidence(c.id()).getFirst().id();
		long messageId = conversations.messages(c.conversationId()).getFirst().id();
		long replyId = cases.reply(c.id(), "We are looking into it.", Actor.agent(granter.id())).id();
		Agent grantee = agent(Role.DUTY_AGENT);
		long grantId = access.grant(c.conversationId(), grantee.id(), null, null, granter.id()).id();
		return new Resource(c.number(), c.conversationId(), messageId, replyId, evidenceId, grantId,
				receipt.statusToken());
	}

	private Receipt open(Category category, Actor actor) {
		return intake.submit(new Submission(actor.kind() == Actor.Kind.API ? Channels.API : Channels.WEBFORM,
				"Matrix Person", unique("m") + "@example.com", null, null, "en", category.key(), null,
				"Matrix case " + unique(""), null, Priority.NORMAL,
				List.of(new EvidenceFile("photo.png", SampleFiles.png())), actor));
	}

	private Category category(Team team) {
		String key = unique("c");
		Category category = categories.create(new CategoryDraft(key, "Cat " + key, "Кат " + key, "类 " + key, team.id(),
				100, true));
		categories.createSubcategory(category.id(), new CategoryDraft("sub", "Sub", "Под", "子", null, 1, true));
		return categories.category(category.id()).orElseThrow();
	}

	private Agent agent(Role role, Team... teams) {
		String username = unique("mx");
		Set<Long> teamIds = new java.util.HashSet<>();
		for (Team t : teams) {
			teamIds.add(t.id());
		}
		return directory.create(new NewAgent(username, "Matrix " + username, null, "matrix-password-1", role, "en",
				teamIds));
	}

	private static AgentPrincipal principal(Agent agent) {
		return new AgentPrincipal(agent.id(), agent.username(), "{noop}unused", agent.role(), true);
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}
}
