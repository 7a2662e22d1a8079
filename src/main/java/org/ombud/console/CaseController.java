package org.ombud.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.EvidenceContent;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.Priority;
import org.ombud.identity.AgentPrincipal;
import org.ombud.shared.Actor;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * One case: its header, timeline and actions. An action sent by htmx is answered with its own form plus the
 * header and timeline swapped out of band; a plain form post is answered with a redirect back to the case.
 * A refused action changes nothing and shows why next to the form (422).
 */
@Controller
@RequestMapping("/console/cases/{number}")
class CaseController {

	static final String PAGE = "console/case";

	static final String UPDATE = "console/case-update";

	static final String REFRESH = "console/case-refresh";

	/** Actions the case module announces with no event of its own; the other consoles still hear of them. */

	private final CaseManagement cases;

	private final CasePage page;

	private final ConsoleFormat format;

	private final Visible visible;

	CaseController(CaseManagement cases, CasePage page, ConsoleFormat format, Visible visible) {
		this.cases = cases;
		this.page = page;
		this.format = format;
		this.visible = visible;
	}

	@GetMapping
	String show(@PathVariable String number, Locale locale, Model model) {
		page.fill(model, find(number), locale);
		return PAGE;
	}

	/** The case's SLA clocks alone: refreshed when a live signal says they moved. */
	@GetMapping("/clocks")
	String clocks(@PathVariable String number, Locale locale, Model model) {
		page.fill(model, find(number), locale);
		return PAGE + " :: case-clocks(oob=false)";
	}

	/** The header and timeline as they are now, swapped out of band: what an open page fetches on a live signal. */
	@GetMapping("/refresh")
	String refresh(@PathVariable String number, Locale locale, Model model) {
		page.fill(model, find(number), locale);
		return REFRESH;
	}

	/**
	 * A reply; on a channel the form also carries its options ({@code options} marks that it did, so an unticked
	 * box means "off" rather than "my default") and the client message it answers.
	 */
	@PostMapping("/reply")
	String reply(@PathVariable String number, @RequestParam(required = false) String body,
			@RequestParam(required = false) String options, @RequestParam(required = false) String noLinkPreview,
			@RequestParam(required = false) String noTyping, @RequestParam(required = false) String replyTo,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("draft", body);
		return act(number, "reply", locale, model, request, response, c -> cases.reply(c.id(), body,
				ReplyOptions.parse(options, noLinkPreview, noTyping, replyTo), Actor.agent(me.agentId())));
	}

	@PostMapping("/note")
	String note(@PathVariable String number, @RequestParam(required = false) String body,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		model.addAttribute("draft", body);
		return act(number, "note", locale, model, request, response,
				c -> cases.note(c.id(), body, Actor.agent(me.agentId())));
	}

	@PostMapping("/status")
	String status(@PathVariable String number, @RequestParam(required = false) String status,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return act(number, "status", locale, model, request, response,
				c -> cases.changeStatus(c.id(), parse(CaseStatus.class, status, "status"), Actor.agent(me.agentId())));
	}

	@PostMapping("/priority")
	String priority(@PathVariable String number, @RequestParam(required = false) String priority,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return act(number, "priority", locale, model, request, response, c -> cases.changePriority(c.id(),
				parse(Priority.class, priority, "priority"), Actor.agent(me.agentId())));
	}

	/** {@code category} is a category key, or {@code key/subkey} for a subcategory. */
	@PostMapping("/category")
	String category(@PathVariable String number, @RequestParam(required = false) String category,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		String[] keys = category == null ? new String[] { "" } : category.split("/", 2);
		return act(number, "category", locale, model, request, response, c -> cases.changeCategory(c.id(), keys[0],
				keys.length > 1 ? keys[1] : null, Actor.agent(me.agentId())));
	}

	@PostMapping("/team")
	String team(@PathVariable String number, @RequestParam(required = false) String team,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return act(number, "team", locale, model, request, response, c -> {
			Long teamId = id(team);
			if (teamId == null) {
				throw Rejected.of("team", "error.team.unknown");
			}
			cases.changeTeam(c.id(), teamId, Actor.agent(me.agentId()));
		});
	}

	/** {@code assignee} is an agent id, {@code me}, or empty for nobody. */
	@PostMapping("/assignee")
	String assignee(@PathVariable String number, @RequestParam(required = false) String assignee,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return act(number, "assignee", locale, model, request, response, c -> {
			Long agentId;
			if (assignee == null || assignee.isBlank()) {
				agentId = null;
			}
			else if ("me".equals(assignee)) {
				agentId = me.agentId();
			}
			else {
				agentId = id(assignee);
				if (agentId == null) {
					throw Rejected.of("assignee", "error.agent.unknown");
				}
			}
			cases.assign(c.id(), agentId, Actor.agent(me.agentId()));
		});
	}

	@PostMapping("/evidence")
	String evidence(@PathVariable String number, @RequestParam(name = "files", required = false) List<MultipartFile> files,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return act(number, "evidence", locale, model, request, response,
				c -> cases.attachEvidence(c.id(), evidenceFiles(files), Actor.agent(me.agentId())));
	}

	/** The stored file, always as a download, typed by what its bytes are. */
	@GetMapping("/evidence/{id}")
	ResponseEntity<byte[]> download(@PathVariable String number, @PathVariable String id) {
		CaseView c = find(number);
		Long evidenceId = id(id);
		EvidenceContent content = (evidenceId == null ? java.util.Optional.<EvidenceContent>empty()
				: cases.evidenceContent(c.id(), evidenceId))
			.orElseThrow(() -> new NotFound("evidence"));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, content.evidence().contentType())
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(content.evidence().fileName()))
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content.bytes());
	}

	private String act(String number, String action, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response, Consumer<CaseView> command) {
		CaseView c = find(number);
		boolean fragment = Htmx.wantsFragment(request);
		try {
			command.accept(c);
		}
		catch (Rejected rejected) {
			page.fill(model, find(number), locale);
			model.addAttribute("errorAction", action);
			model.addAttribute("errors", format.errors(rejected, locale));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return fragment ? PAGE + " :: action-" + action : PAGE;
		}
		visible.refresh();
		if (!visible.sees(cases.find(number).orElseThrow())) {
			// the agent's own change (another team, another assignee) took the case out of their sight
			if (fragment) {
				response.setHeader("HX-Redirect", "/console/cases");
				return "console/fragments :: nothing";
			}
			return "redirect:/console/cases";
		}
		if (!fragment) {
			return "redirect:/console/cases/" + c.number();
		}
		page.fill(model, find(number), locale);
		model.addAttribute("action", "action-" + action);
		return UPDATE;
	}

	private CaseView find(String number) {
		return visible.caseByNumber(number);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value == null ? "" : value);
		}
		catch (IllegalArgumentException e) {
			throw Rejected.of(field, "error.required");
		}
	}

	static Long id(String text) {
		if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
			return null;
		}
		return Long.parseLong(text);
	}

	/** What the browser sent, less the empty part it sends when no file was chosen. */
	static List<EvidenceFile> evidenceFiles(List<MultipartFile> files) {
		List<EvidenceFile> result = new ArrayList<>();
		if (files == null) {
			return result;
		}
		for (MultipartFile file : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
				continue;
			}
			try {
				result.add(new EvidenceFile(file.getOriginalFilename(), file.getBytes()));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return result;
	}

	/** RFC 6266: an ASCII fallback name and the exact name in UTF-8 ({@code filename*}). */
	static String attachment(String fileName) {
		String fallback = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
		StringBuilder encoded = new StringBuilder();
		for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
			char ch = (char) (b & 0xFF);
			if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
					|| "!#$&+-.^_`|~".indexOf(ch) >= 0) {
				encoded.append(ch);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
	}
}
