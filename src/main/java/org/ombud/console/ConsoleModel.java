package org.ombud.console;

import java.util.Locale;

import org.ombud.identity.Agent;
import org.ombud.identity.AgentPrincipal;
import org.ombud.shared.Languages;
import org.ombud.sla.Notifications;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows: who is logged in (for the top bar), their language, no errors yet. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

	private final Visible visible;

	private final Notifications notifications;

	ConsoleModel(Visible visible, Notifications notifications) {
		this.visible = visible;
		this.notifications = notifications;
	}

	/** The top bar's count of unread notifications. */
	@ModelAttribute("unreadNotifications")
	long unreadNotifications(@AuthenticationPrincipal AgentPrincipal principal) {
		return principal == null ? 0 : notifications.unread(principal.agentId());
	}

	@ModelAttribute("me")
	Agent me() {
		return visible.agent().orElse(null);
	}

	@ModelAttribute("lang")
	String language(Locale locale) {
		return Languages.of(locale);
	}

	@ModelAttribute("languages")
	java.util.List<String> languages() {
		return Languages.SUPPORTED;
	}

	@ModelAttribute("errors")
	FormErrors errors() {
		return FormErrors.NONE;
	}
}
