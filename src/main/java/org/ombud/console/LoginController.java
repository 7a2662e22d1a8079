package org.ombud.console;

import java.net.URI;

import org.ombud.identity.AgentDirectory;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.SingleSignOn;
import org.ombud.shared.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page, the console's front door and the agent's language switch. */
@Controller
class LoginController {

	static final String LOGIN = "login";

	private final AgentDirectory directory;

	private final SingleSignOn sso;

	LoginController(AgentDirectory directory, SingleSignOn sso) {
		this.directory = directory;
		this.sso = sso;
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(required = false) String locked,
			Model model) {
		if (me != null) {
			return "redirect:" + home(me);
		}
		// after too many failed attempts: how many minutes to wait, as the login guard said
		if (locked != null && locked.matches("\\d{1,4}")) {
			model.addAttribute("lockedMinutes", Integer.parseInt(locked));
		}
		if (sso.enabled()) {
			model.addAttribute("sso", sso);
		}
		return LOGIN;
	}

	@GetMapping({ "/console", "/console/" })
	String console(@AuthenticationPrincipal AgentPrincipal me) {
		return "redirect:" + home(me);
	}

	/** Where a role starts: the queue, or the audit log for the compliance viewer, who works no cases. */
	static String home(AgentPrincipal me) {
		return me != null && !me.role().works() ? "/console/admin/audit" : "/console/cases";
	}

	/**
	 * Any other console address: the console's own localised 404 page rather than the problem document the
	 * application answers for unknown resources elsewhere.
	 */
	@RequestMapping("/console/**")
	void unknown() {
		throw new NotFound("page");
	}

	/** Stores the agent's language and goes back to the page they were on. */
	@PostMapping("/console/language")
	String language(@AuthenticationPrincipal AgentPrincipal me, @RequestParam(required = false) String lang,
			@RequestHeader(value = "Referer", required = false) String referer) {
		directory.changeLocale(me.agentId(), lang);
		return "redirect:" + back(referer);
	}

	/** Only a console path of this site: a forged Referer must not send the agent elsewhere. */
	static String back(String referer) {
		if (referer == null) {
			return "/console/cases";
		}
		try {
			URI uri = URI.create(referer);
			String path = uri.getRawPath();
			if (path == null || !path.startsWith("/console/") || path.startsWith("/console/language")
					|| path.contains("//") || path.contains("\\")) {
				return "/console/cases";
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (IllegalArgumentException e) {
			return "/console/cases";
		}
	}
}
