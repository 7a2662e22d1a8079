package org.ombud.console;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Retention;
import org.ombud.cases.Evidence;
import org.ombud.cases.EvidencePolicy;
import org.ombud.cases.Priority;
import org.ombud.cases.TimelineEntry;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contact;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageKind;
import org.ombud.shared.Languages;
import org.ombud.sla.ClockView;
import org.ombud.sla.SlaClocks;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Everything the case page shows, gathered in one place for the page and for each fragment htmx swaps. */
@Component
class CasePage {

	private final CaseManagement cases;

	private final Contacts contacts;

	private final Names names;

	private final ConsoleFormat format;

	private final EvidencePolicy evidencePolicy;

	private final SlaClocks clocks;

	private final MessageTools messageTools;

	private final GrantsView grants;

	private final Retention retention;

	CasePage(CaseManagement cases, Contacts contacts, Names names, ConsoleFormat format,
			EvidencePolicy evidencePolicy, SlaClocks clocks, MessageTools messageTools, GrantsView grants,
			Retention retention) {
		this.grants = grants;
		this.retention = retention;
		this.cases = cases;
		this.contacts = contacts;
		this.names = names;
		this.format = format;
		this.evidencePolicy = evidencePolicy;
		this.clocks = clocks;
		this.messageTools = messageTools;
	}

	/** The facts in the case header, in words. */
	record Facts(String category, String subcategory, String classification, String team, String assignee,
			String contactName, String email, String phone, String reportedObjectUrl) {
	}

	/** One line of the timeline: who, when, what; a message, a change from → to, or a file. */
	record Row(long id, TimelineEntry.Kind kind, Instant at, String who, MessageKind messageKind, String body,
			String from, String to, Evidence evidence) {

		public String css() {
			if (messageKind != null) {
				return "tl-" + messageKind.name().toLowerCase(Locale.ROOT);
			}
			return kind == TimelineEntry.Kind.EVIDENCE ? "tl-evidence" : "tl-change";
		}

		public boolean isMessage() {
			return body != null;
		}
	}

	void fill(Model model, CaseView c, Locale locale) {
		grants.fill(model, c.conversationId(), locale);
		model.addAttribute("legalHold", retention.hold(c.id()).orElse(null));
		model.addAttribute("erasedAt", retention.erasedAt(c.id()).map(format::time).orElse(null));
		Names.Snapshot snapshot = names.snapshot(Languages.of(locale));
		Contact contact = contacts.contact(c.contactId()).orElse(null);
		String category = snapshot.category(c.categoryId());
		String subcategory = snapshot.subcategory(c.subcategoryId());
		String classification = snapshot.categories.stream()
			.filter(cat -> cat.id() == c.categoryId())
			.findFirst()
			.map(cat -> cat.key() + cat.subcategories()
				.stream()
				.filter(s -> c.subcategoryId() != null && s.id() == c.subcategoryId())
				.map(s -> "/" + s.key())
				.findFirst()
				.orElse(""))
			.orElse("");
		model.addAttribute("c", c);
		model.addAttribute("facts", new Facts(category, subcategory, classification, snapshot.team(c.teamId()),
				snapshot.agent(c.assigneeId()), contact == null ? null : contact.displayName(),
				contact == null ? null : contact.identity(ChannelIdentity.EMAIL).orElse(null),
				contact == null ? null : contact.identity(ChannelIdentity.PHONE).orElse(null),
				webLink(c.reportedObject())));
		List<TimelineEntry> entries = cases.timeline(c.id(), false);
		model.addAttribute("timeline", entries.stream().map(e -> row(e, snapshot, locale)).toList());
		messageTools.fill(model, c, entries, locale);
		model.addAttribute("nextStatuses",
				c.status().next().stream().sorted(Comparator.comparing(CaseStatus::ordinal)).toList());
		model.addAttribute("categories", snapshot.activeCategories());
		model.addAttribute("teams", snapshot.teams);
		model.addAttribute("agents", snapshot.activeAgents());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("evidencePolicy", evidencePolicy);
		List<ClockView> caseClocks = new java.util.ArrayList<>(clocks.caseClocks(List.of(c.id())).getOrDefault(c.id(), List.of()));
		ClockView firstReply = clocks.firstReplyClocks(List.of(c.conversationId())).get(c.conversationId());
		if (firstReply != null && firstReply.counting()) {
			caseClocks.add(0, firstReply);
		}
		model.addAttribute("clocks", caseClocks);
		model.addAttribute("breaches", clocks.caseBreaches(c.id(), c.conversationId(), c.createdAt()));
	}

	private Row row(TimelineEntry e, Names.Snapshot snapshot, Locale locale) {
		String who = switch (e.actor().kind()) {
			case AGENT -> snapshot.agent(e.actor().id());
			case CONTACT, API, SYSTEM -> format.message("console.actor." + e.actor().kind().name(), locale);
		};
		Message message = e.message();
		boolean showsMessage = message != null && e.kind() != TimelineEntry.Kind.EVIDENCE;
		String from = null;
		String to = null;
		switch (e.kind()) {
			case STATUS -> {
				from = format.statusLabel(e.oldValue(), locale);
				to = format.statusLabel(e.newValue(), locale);
			}
			case PRIORITY -> {
				from = priority(e.oldValue(), locale);
				to = priority(e.newValue(), locale);
			}
			case CATEGORY -> {
				from = snapshot.classification(e.oldValue());
				to = snapshot.classification(e.newValue());
			}
			case TEAM -> {
				from = snapshot.teamByKey(e.oldValue());
				to = snapshot.teamByKey(e.newValue());
			}
			case ASSIGNEE -> {
				String nobody = format.message("console.case.unassigned", locale);
				from = e.oldValue() == null ? nobody : snapshot.agentByUsername(e.oldValue());
				to = e.newValue() == null ? nobody : snapshot.agentByUsername(e.newValue());
			}
			case SLA_BREACH -> to = slaBreach(e.oldValue(), e.newValue(), locale);
			default -> {
			}
		}
		return new Row(e.id(), e.kind(), e.occurredAt(), who, showsMessage ? message.kind() : null,
				showsMessage ? message.body() : null, from, to, e.evidence());
	}

	/** "Triage was due at 2026-03-14 09:26" from the stage's code and the due instant. */
	private String slaBreach(String stage, String dueAt, Locale locale) {
		String due;
		try {
			due = format.time(Instant.parse(dueAt));
		}
		catch (RuntimeException e) {
			due = dueAt == null ? "" : dueAt;
		}
		String label = stage == null ? "" : format.message("sla.stage." + stage, locale);
		return format.message("sla.timeline.breach", locale, label, due);
	}

	private String priority(String code, Locale locale) {
		try {
			return format.message(Priority.valueOf(code).messageKey(), locale);
		}
		catch (IllegalArgumentException | NullPointerException e) {
			return code;
		}
	}

	/** The reported object as a link target, only when it is a plain http(s) URL. */
	static String webLink(String reportedObject) {
		if (reportedObject == null || !reportedObject.matches("(?i)https?://\\S+")) {
			return null;
		}
		try {
			URI uri = URI.create(reportedObject);
			return uri.getHost() == null ? null : reportedObject;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
