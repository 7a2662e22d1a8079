package org.ombud.console;

import org.ombud.identity.AgentPreferences;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.AgentSessions;
import org.ombud.identity.OutboundDefaults;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agent's own settings: the defaults of the reply form's options for messages sent on a channel, and logging
 * out everywhere.
 */
@Controller
@RequestMapping("/console/settings")
class SettingsController {

	static final String PAGE = "console/settings";

	private final AgentPreferences preferences;

	private final AgentSessions sessions;

	SettingsController(AgentPreferences preferences, AgentSessions sessions) {
		this.preferences = preferences;
		this.sessions = sessions;
	}

	@GetMapping
	String show(@AuthenticationPrincipal AgentPrincipal me, Model model) {
		model.addAttribute("defaults", preferences.outboundDefaults(me.agentId()));
		model.addAttribute("sessionCount", sessions.count(me.agentId()));
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

	/** Ends every session of this agent on every node, this one included: back to the login page. */
	@PostMapping("/logout-everywhere")
	String logoutEverywhere(@AuthenticationPrincipal AgentPrincipal me, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response) {
		// this session first, so that the end of this request does not write it back
		new SecurityContextLogoutHandler().logout(request, response, authentication);
		sessions.endAll(me.agentId());
		return "redirect:/login?logout";
	}
}
