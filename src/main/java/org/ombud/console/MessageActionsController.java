package org.ombud.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.Priority;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageKind;
import org.ombud.identity.AgentPrincipal;
import org.ombud.outbox.Redelivery;
import org.ombud.shared.Actor;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.trackers.TrackerTask;
import org.ombud.trackers.Trackers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Actions on one message of a case's conversation: retry a failed delivery (outbound messages), open a new case
 * from it or send it to a tracker (client messages). A message of another conversation is not found here. A
 * refused action changes nothing and shows why next to the message (422).
 */
@Controller
@RequestMapping("/console/cases/{number}/messages/{messageId}")
class MessageActionsController {

	private final CaseManagement cases;

	private final Conversations conversations;

	private final Contacts contacts;

	private final Redelivery redelivery;

	private final Trackers trackers;

	private final CasePage page;

	private final ConsoleFormat format;

	private final String publicUrl;

	private final Visible visible;

	MessageActionsController(CaseManagement cases, Conversations conversations, Contacts contacts,
			Redelivery redelivery, Trackers trackers, CasePage page, ConsoleFormat format,
			@Value("${ombud.public-url}") String publicUrl, Visible visible) {
		this.visible = visible;
		this.cases = cases;
		this.conversations = conversations;
		this.contacts = contacts;
		this.redelivery = redelivery;
		this.trackers = trackers;
		this.page = page;
		this.format = format;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@PostMapping("/retry")
	String retry(@PathVariable String number, @PathVariable String messageId, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		CaseView c = find(number);
		Message message = message(c, messageId, MessageKind.OUTBOUND);
		try {
			redelivery.retry(message.id());
		}
		catch (Rejected rejected) {
			return refused(c, message, rejected, locale, model, response);
		}
		redirect.addFlashAttribute("notice", "outbox.retry.queued");
		return "redirect:/console/cases/" + c.number();
	}

	@PostMapping("/case")
	String openCase(@PathVariable String number, @PathVariable String messageId,
			@RequestParam(required = false) String category, @RequestParam(required = false) String team,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CaseView c = find(number);
		Message message = message(c, messageId, MessageKind.INBOUND);
		CaseView opened;
		try {
			String[] keys = category == null || category.isBlank() ? new String[] { "" } : category.split("/", 2);
			Long teamId = null;
			if (team != null && !team.isBlank()) {
				teamId = CaseController.id(team);
				if (teamId == null) {
					throw Rejected.of("team", "error.team.unknown");
				}
			}
			opened = cases.openFromMessage(message.id(), keys[0], keys.length > 1 ? keys[1] : null, teamId,
					Priority.NORMAL, Actor.agent(me.agentId()));
		}
		catch (Rejected rejected) {
			return refused(c, message, rejected, locale, model, response);
		}
		redirect.addFlashAttribute("notice", "outbox.case.opened");
		redirect.addFlashAttribute("noticeArg", c.number());
		return "redirect:/console/cases/" + opened.number();
	}

	@PostMapping("/tracker")
	String tracker(@PathVariable String number, @PathVariable String messageId,
			@RequestParam(required = false) String tracker, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		CaseView c = find(number);
		Message message = message(c, messageId, MessageKind.INBOUND);
		try {
			Long trackerId = CaseController.id(tracker);
			if (trackerId == null) {
				throw Rejected.of("tracker", "trackers.error.unknown");
			}
			String author = contacts.contact(c.contactId()).map(ct -> ct.displayName()).orElse(null);
			trackers.send(trackerId, new TrackerTask(c.number() + ": " + MessageTools.excerpt(message.body()),
					message.body(), author, message.createdAt(), c.number(),
					publicUrl + "/console/cases/" + c.number()));
		}
		catch (Rejected rejected) {
			return refused(c, message, rejected, locale, model, response);
		}
		redirect.addFlashAttribute("notice", "outbox.tracker.queued");
		return "redirect:/console/cases/" + c.number();
	}

	private String refused(CaseView c, Message message, Rejected rejected, Locale locale, Model model,
			HttpServletResponse response) {
		page.fill(model, find(c.number()), locale);
		model.addAttribute("errorAction", "message-" + message.id());
		model.addAttribute("errors", format.errors(rejected, locale));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return CaseController.PAGE;
	}

	private CaseView find(String number) {
		return visible.caseByNumber(number);
	}

	/** The message, only if it is of this kind and in this case's conversation. */
	private Message message(CaseView c, String id, MessageKind kind) {
		Long messageId = CaseController.id(id);
		return (messageId == null ? java.util.Optional.<Message>empty() : conversations.message(messageId))
			.filter(m -> m.conversationId() == c.conversationId() && m.kind() == kind)
			.orElseThrow(() -> new NotFound("message"));
	}
}
