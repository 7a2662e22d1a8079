package org.ombud.console;

import org.ombud.identity.AgentPreferences;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.OutboundDefaults;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.ombud.identity.Sessions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An agent's own settings: the defaults of the reply form's options for messages sent on a channel. */
@Controller
@RequestMapping("/console/settings")
class SettingsController {

	static final String PAGE = "console/settings";

	private final AgentPreferences preferences;

	private final Sessions sessions;

	SettingsController(AgentPreferences preferences, Sessions sessions) {
		this.preferences = preferences;
		this.sessions = sessions;
	}

	/**
	 * Ends every session of this agent on every device and node, this one included: after a lost laptop, or
	 * before handing a shared computer on.
	 */
	@PostMapping("/logout-everywhere")
	String logoutEverywhere(@AuthenticationPrincipal AgentPrincipal me, HttpServletRequest request) {
		sessions.endEverywhere(me.agentId());
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/login?logout";
	}

	@GetMapping
	String show(@AuthenticationPrincipal AgentPrincipal me, Model model) {
		model.addAttribute("defaults", preferences.outboundDefaults(me.agentId()));
		return PAGE;
	}

	@PostMapping
	String save(@RequestParam(required = false) String noLinkPreview, @RequestParam(required = false) String noTyping,
			@AuthenticationPrincipal AgentPrincipal me, RedirectAttributes redirect) {
		preferences.changeOutboundDefaults(me.agentId(),
				new OutboundDefaults(noLinkPreview != null, noTyping != null));
		redirect.addFlashAttribute("notice", "outbox.settings.saved");
		return "redirect:/console/settings";
	}
}
