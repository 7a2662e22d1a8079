package org.ombud.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ombud.audit.AuditLog;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.Retention;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contact;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.identity.AgentPrincipal;
import org.ombud.intake.ContactDetails;
import org.ombud.shared.Actor;
import org.ombud.shared.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin → Privacy: the retention period and the sweep's progress, and a person's requests about their data:
 * find them by e-mail, phone or channel id, export everything Ombud holds about them as one JSON file, or erase
 * it (cases on legal hold are kept and named). Exports and erasures are in the audit log.
 */
@Controller
@RequestMapping("/console/admin/privacy")
class PrivacyAdminController {

	static final String PAGE = "console/admin/privacy";

	/** The channels a person can be looked up by, in the order tried. */
	private static final List<String> CHANNELS = List.of(ChannelIdentity.EMAIL, ChannelIdentity.PHONE,
			ChannelIdentity.PLATFORM, "telegram");

	private final Retention retention;

	private final Contacts contacts;

	private final CaseManagement cases;

	private final Conversations conversations;

	private final AuditLog audit;

	private final ConsoleFormat format;

	PrivacyAdminController(Retention retention, Contacts contacts, CaseManagement cases, Conversations conversations,
			AuditLog audit, ConsoleFormat format) {
		this.retention = retention;
		this.contacts = contacts;
		this.cases = cases;
		this.conversations = conversations;
		this.audit = audit;
		this.format = format;
	}

	/** One case of the person as the page lists it. */
	record CaseLine(String number, String status, String created, boolean held, boolean erased) {
	}

	@GetMapping
	String show(@RequestParam(required = false) String q, Model model) {
		Retention.Overview overview = retention.overview();
		model.addAttribute("overview", overview);
		model.addAttribute("lastRun", format.time(overview.lastRunAt()));
		model.addAttribute("q", q == null ? "" : q.strip());
		if (q != null && !q.isBlank()) {
			Optional<Contact> found = find(q.strip()).flatMap(contacts::contact);
			model.addAttribute("searched", true);
			found.ifPresent(contact -> {
				model.addAttribute("contact", contact);
				model.addAttribute("caseLines", retention.casesOf(contact.id())
					.stream()
					.map(c -> new CaseLine(c.number(), c.status().name(), format.time(c.createdAt()),
							retention.hold(c.id()).isPresent(), retention.erasedAt(c.id()).isPresent()))
					.toList());
			});
		}
		return PAGE;
	}

	/** Everything Ombud holds about the person, as one JSON download. */
	@GetMapping("/{contactId}/export.json")
	ResponseEntity<Map<String, Object>> export(@PathVariable long contactId) {
		Contact contact = contacts.contact(contactId).orElseThrow(() -> new NotFound("contact"));
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("contact", Map.of("id", contact.id(), "name", String.valueOf(contact.displayName()), "locale",
				String.valueOf(contact.locale()), "identities", contact.identities()
					.stream()
					.map(i -> Map.of("channel", i.channel(), "id", i.externalId()))
					.toList()));
		List<Map<String, Object>> caseData = new ArrayList<>();
		for (CaseView c : retention.casesOf(contactId)) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("number", c.number());
			one.put("status", c.status().name());
			one.put("channel", c.channel());
			one.put("opened", c.createdAt().toString());
			one.put("subject", c.subject());
			one.put("reportedObject", c.reportedObject());
			// what the person and we wrote to each other; internal notes are ours, not theirs
			one.put("messages", conversations.messages(c.conversationId())
				.stream()
				.filter(m -> m.kind().isPublic())
				.map(m -> Map.of("at", m.createdAt().toString(), "kind", m.kind().name(), "text", m.body()))
				.toList());
			one.put("evidence", cases.evidence(c.id())
				.stream()
				.map(e -> Map.of("file", e.fileName(), "type", e.contentType(), "bytes", e.sizeBytes(), "at",
						e.createdAt().toString()))
				.toList());
			caseData.add(one);
		}
		data.put("cases", caseData);
		audit.record("contact.exported", "contact", Long.toString(contactId), caseData.size() + " cases");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ombud-contact-" + contactId + ".json\"")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(data);
	}

	/** Erases the person's data now: every case not on legal hold, and their name and addresses if none is held. */
	@PostMapping("/{contactId}/erase")
	String erase(@PathVariable long contactId, @RequestParam(required = false) String confirm,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, RedirectAttributes redirect) {
		contacts.contact(contactId).orElseThrow(() -> new NotFound("contact"));
		if (!"ERASE".equals(confirm)) {
			redirect.addFlashAttribute("notice", "privacy.erase.unconfirmed");
			return "redirect:/console/admin/privacy";
		}
		Retention.ContactErasure result = retention.eraseContact(contactId, Actor.agent(me.agentId()));
		audit.record("contact.erased", "contact", Long.toString(contactId),
				"erased " + result.erased() + (result.held().isEmpty() ? "" : ", held " + result.held()));
		redirect.addFlashAttribute("notice", result.held().isEmpty() ? "privacy.erase.done" : "privacy.erase.held");
		redirect.addFlashAttribute("noticeArg", result.held().isEmpty() ? result.erased().size()
				: String.join(", ", result.held()));
		return "redirect:/console/admin/privacy";
	}

	private Optional<Long> find(String q) {
		for (String channel : CHANNELS) {
			String value = switch (channel) {
				case ChannelIdentity.EMAIL -> ContactDetails.email(q).orElse(null);
				case ChannelIdentity.PHONE -> ContactDetails.phone(q).orElse(null);
				default -> q;
			};
			if (value != null) {
				Optional<Long> id = contacts.findByIdentity(channel, value);
				if (id.isPresent()) {
					return id;
				}
			}
		}
		return Optional.empty();
	}
}
