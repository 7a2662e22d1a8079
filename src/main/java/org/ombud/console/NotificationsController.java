package org.ombud.console;

import java.util.List;
import java.util.Map;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.identity.AgentPrincipal;
import org.ombud.sla.Notification;
import org.ombud.sla.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The logged-in agent's notifications (escalated SLA breaches), newest first; only their own. */
@Controller
class NotificationsController {

	static final String PAGE = "console/notifications";

	private final Notifications notifications;

	private final CaseManagement cases;

	private final Visible visible;

	NotificationsController(Notifications notifications, CaseManagement cases, Visible visible) {
		this.visible = visible;
		this.notifications = notifications;
		this.cases = cases;
	}

	/** One line: the notification and the number of the case it concerns (null for a chat without a case). */
	record Row(Notification notification, String caseNumber) {
	}

	@GetMapping("/console/notifications")
	String list(@AuthenticationPrincipal AgentPrincipal me, Model model) {
		List<Notification> all = notifications.latest(me.agentId());
		Map<Long, String> numbers = new java.util.HashMap<>();
		all.stream()
			.map(Notification::caseId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.forEach(id -> cases.get(id).filter(visible::sees).map(CaseView::number).ifPresent(n -> numbers.put(id, n)));
		// what the agent no longer sees (another team took the case, a grant ended) is not shown
		List<Notification> latest = all.stream()
			.filter(n -> n.caseId() == null ? n.conversationId() == null || visible.seesConversation(n.conversationId())
					: numbers.containsKey(n.caseId()))
			.toList();
		model.addAttribute("notifications",
				latest.stream().map(n -> new Row(n, n.caseId() == null ? null : numbers.get(n.caseId()))).toList());
		return PAGE;
	}

	@GetMapping("/console/notifications/count")
	String count() {
		return "console/layout :: notification-count";
	}

	@PostMapping("/console/notifications/read")
	String markRead(@AuthenticationPrincipal AgentPrincipal me) {
		notifications.markAllRead(me.agentId());
		return "redirect:/console/notifications";
	}
}
