package org.ombud.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.Retention;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.EvidenceContent;
import org.ombud.cases.EvidencePolicy;
import org.ombud.cases.TimelineEntry;
import org.ombud.conversations.MessageKind;
import org.ombud.shared.Actor;
import org.ombud.shared.Languages;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person's view of their case: by the private link from the receipt ({@code /status/{token}}), or after a
 * look-up by case number and e-mail, which keeps the case in the HTTP session ({@code /status/case}) so that
 * the secret link never shows in an address bar it was not already in.
 */
@Controller
class StatusController {

	static final String LOOKUP = "portal/lookup";

	static final String STATUS = "portal/status";

	static final String LOOKED_UP = StatusController.class.getName() + ".caseId";

	static final String BY_LOOKUP = "/status/case";

	private static final Set<String> MESSAGE_FIELDS = Set.of("body", "evidence");

	private final CaseManagement cases;

	private final Categories categories;

	private final EvidencePolicy evidencePolicy;

	private final ErrorTexts texts;

	private final Retention retention;

	StatusController(CaseManagement cases, Categories categories, EvidencePolicy evidencePolicy, ErrorTexts texts,
			Retention retention) {
		this.retention = retention;
		this.cases = cases;
		this.categories = categories;
		this.evidencePolicy = evidencePolicy;
		this.texts = texts;
	}

	/** Which case a request may see, and the address of its page. */
	private record Access(CaseView view, String path) {
	}

	@GetMapping("/status")
	String lookupForm(Model model) {
		return lookupForm("", "", FormErrors.none(), model);
	}

	@PostMapping("/status")
	String lookup(@RequestParam(name = "number", required = false) String number,
			@RequestParam(name = "email", required = false) String email, HttpServletRequest request,
			HttpServletResponse response, Locale locale, Model model) {
		Optional<CaseView> found = number == null || email == null || number.length() > 40 || email.length() > 254
				? Optional.empty() : cases.findByNumberAndEmail(number.strip(), email.strip());
		if (found.isEmpty()) {
			// one message whichever of the two was wrong, so the form tells nobody which cases exist
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return lookupForm(number, email, texts.general("portal.lookup.notFound", locale), model);
		}
		request.getSession(true);
		request.changeSessionId();
		request.getSession().setAttribute(LOOKED_UP, found.get().id());
		return "redirect:" + BY_LOOKUP;
	}

	@GetMapping(BY_LOOKUP)
	String lookedUp(HttpSession session,
			@RequestAttribute(name = UploadGuard.REFUSED, required = false) UploadGuard.Refusal refused,
			HttpServletResponse response, Locale locale, Model model) {
		Optional<Access> access = lookedUp(session);
		if (access.isEmpty()) {
			return "redirect:/status";
		}
		return page(access.get(), "", refusal(refused, response, locale), locale, model);
	}

	@GetMapping("/status/{token}")
	String byToken(@PathVariable String token,
			@RequestAttribute(name = UploadGuard.REFUSED, required = false) UploadGuard.Refusal refused,
			HttpServletResponse response, Locale locale, Model model) {
		return page(byToken(token), "", refusal(refused, response, locale), locale, model);
	}

	@PostMapping(BY_LOOKUP + "/messages")
	String writeOnLookedUp(HttpSession session, @RequestParam(name = "body", required = false) String body,
			@RequestParam(name = "evidence", required = false) List<MultipartFile> files, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Optional<Access> access = lookedUp(session);
		if (access.isEmpty()) {
			return "redirect:/status";
		}
		return write(access.get(), body, files, locale, model, redirect, response);
	}

	@PostMapping("/status/{token}/messages")
	String writeByToken(@PathVariable String token, @RequestParam(name = "body", required = false) String body,
			@RequestParam(name = "evidence", required = false) List<MultipartFile> files, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return write(byToken(token), body, files, locale, model, redirect, response);
	}

	/** A reloaded or bookmarked form address leads back to its page. */
	@GetMapping({ "/status/{token}/messages", BY_LOOKUP + "/messages" })
	String messagesPage(HttpServletRequest request) {
		return "redirect:" + PortalPages.page(request);
	}

	@GetMapping(BY_LOOKUP + "/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidenceOfLookedUp(HttpSession session, @PathVariable String evidenceId) {
		return download(lookedUp(session).orElseThrow(() -> new NotFound("case")), evidenceId);
	}

	@GetMapping("/status/{token}/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidenceByToken(@PathVariable String token, @PathVariable String evidenceId) {
		return download(byToken(token), evidenceId);
	}

	private String write(Access access, String body, List<MultipartFile> files, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			cases.complainantWrites(access.view().id(), body, Uploads.evidence(files), Actor.CONTACT);
		}
		catch (Rejected rejected) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(access, body, texts.of(rejected.rejections(), MESSAGE_FIELDS, locale), locale, model);
		}
		redirect.addFlashAttribute("sent", true);
		return "redirect:" + access.path();
	}

	private ResponseEntity<byte[]> download(Access access, String evidenceId) {
		long id = parseId(evidenceId);
		// only what the person sent themselves: files agents attach are working material
		boolean theirs = cases.timeline(access.view().id(), true)
			.stream()
			.anyMatch(e -> e.kind() == TimelineEntry.Kind.EVIDENCE && e.evidence() != null && e.evidence().id() == id
					&& sentByComplainant(e.actor()));
		if (!theirs) {
			throw new NotFound("evidence");
		}
		EvidenceContent content = cases.evidenceContent(access.view().id(), id)
			.orElseThrow(() -> new NotFound("evidence"));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(content.evidence().fileName()))
			.header("X-Content-Type-Options", "nosniff")
			.contentType(MediaType.parseMediaType(content.evidence().contentType()))
			.contentLength(content.bytes().length)
			.body(content.bytes());
	}

	private String page(Access access, String body, FormErrors errors, Locale locale, Model model) {
		CaseView view = access.view();
		// after the retention period (or on the person's request) what was written is gone; the page says so
		boolean erased = retention.erasedAt(view.id()).isPresent();
		model.addAttribute("summary",
				new CaseSummary(view.number(), statusLabel(view.status().name(), locale), categoryLabel(view, locale),
						format(view.createdAt(), locale), view.createdAt().toString(),
						view.status() == CaseStatus.CLOSED || erased));
		model.addAttribute("erased", erased);
		model.addAttribute("entries", erased ? List.of() : entries(view, locale));
		model.addAttribute("path", access.path());
		model.addAttribute("body", body);
		model.addAttribute("errors", errors);
		model.addAttribute("maxFiles", evidencePolicy.maxFiles());
		model.addAttribute("maxMegabytes", evidencePolicy.maxMegabytes());
		return STATUS;
	}

	private String lookupForm(String number, String email, FormErrors errors, Model model) {
		model.addAttribute("number", number);
		model.addAttribute("email", email);
		model.addAttribute("errors", errors);
		return LOOKUP;
	}

	private FormErrors refusal(UploadGuard.Refusal refused, HttpServletResponse response, Locale locale) {
		if (refused == UploadGuard.Refusal.TOO_LARGE) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			return texts.general("portal.error.tooLarge", locale, evidencePolicy.maxFiles(),
					evidencePolicy.maxMegabytes());
		}
		if (refused == UploadGuard.Refusal.MALFORMED) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return texts.general("error.badRequest", locale);
		}
		return FormErrors.none();
	}

	private List<PublicEntry> entries(CaseView view, Locale locale) {
		List<PublicEntry> entries = new ArrayList<>();
		for (TimelineEntry e : cases.timeline(view.id(), true)) {
			String when = format(e.occurredAt(), locale);
			String iso = e.occurredAt().toString();
			switch (e.kind()) {
				case OPENED -> entries.add(new PublicEntry("opened", when, iso, null, null));
				case STATUS -> entries.add(new PublicEntry("status", when, iso, statusLabel(e.newValue(), locale), null));
				case MESSAGE -> {
					if (e.message() != null && e.message().kind() == MessageKind.INBOUND) {
						entries.add(new PublicEntry("message", when, iso, e.message().body(), null));
					}
				}
				case REPLY -> {
					if (e.message() != null && e.message().kind() == MessageKind.OUTBOUND) {
						entries.add(new PublicEntry("reply", when, iso, e.message().body(), null));
					}
				}
				case EVIDENCE -> {
					if (e.evidence() != null && sentByComplainant(e.actor())) {
						entries.add(new PublicEntry("evidence", when, iso, e.evidence().fileName(), e.evidence().id()));
					}
				}
				default -> {
					// assignments, teams, priorities and notes are the desk's business
				}
			}
		}
		return entries;
	}

	private Access byToken(String token) {
		return cases.findByStatusToken(token)
			.map(v -> new Access(v, "/status/" + token))
			.orElseThrow(() -> new NotFound("case"));
	}

	private Optional<Access> lookedUp(HttpSession session) {
		if (session == null || !(session.getAttribute(LOOKED_UP) instanceof Long id)) {
			return Optional.empty();
		}
		return cases.get(id).map(v -> new Access(v, BY_LOOKUP));
	}

	/** The person wrote it themselves (web form, status page) or the platform's app sent it for them. */
	private static boolean sentByComplainant(Actor actor) {
		return actor != null && (actor.kind() == Actor.Kind.CONTACT || actor.kind() == Actor.Kind.API);
	}

	private String statusLabel(String status, Locale locale) {
		if (status == null) {
			return "";
		}
		try {
			return texts.text(CaseStatus.valueOf(status).messageKey(), locale);
		}
		catch (IllegalArgumentException e) {
			return status;
		}
	}

	private String categoryLabel(CaseView view, Locale locale) {
		String lang = Languages.of(locale);
		Optional<Category> category = categories.category(view.categoryId());
		if (category.isEmpty()) {
			return "";
		}
		String name = category.get().name(lang);
		return category.get()
			.subcategories()
			.stream()
			.filter(s -> view.subcategoryId() != null && s.id() == view.subcategoryId())
			.findFirst()
			.map(s -> name + " — " + s.name(lang))
			.orElse(name);
	}

	private static String format(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(ZoneOffset.UTC)
			.format(instant) + " UTC";
	}

	private static long parseId(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw new NotFound("evidence");
		}
	}
}
