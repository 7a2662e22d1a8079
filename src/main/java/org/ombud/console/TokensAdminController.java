package org.ombud.console;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.ApiScope;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.CreatedApiToken;
import org.ombud.shared.Rejected;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Admin: API tokens for platforms. The secret is shown once, on the answer to the creating request, and never
 * stored in the session or a redirect; afterwards only its first characters are listed.
 */
@Controller
@RequestMapping("/console/admin/tokens")
class TokensAdminController {

	static final String LIST = "console/admin/tokens";

	static final String CREATED = "console/admin/token-created";

	private final ApiTokens tokens;

	private final ConsoleFormat format;

	TokensAdminController(ApiTokens tokens, ConsoleFormat format) {
		this.tokens = tokens;
		this.format = format;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("tokens", tokens.list());
		model.addAttribute("scopes", ApiScope.values());
		return LIST;
	}

	@PostMapping
	String create(@RequestParam(required = false) String name,
			@RequestParam(name = "scope", required = false) List<String> scope,
			@AuthenticationPrincipal AgentPrincipal me, Locale locale, Model model, HttpServletResponse response) {
		Set<ApiScope> chosen = ApiScope.parse(scope == null ? "" : String.join(" ", scope));
		try {
			CreatedApiToken created = tokens.create(name, me.agentId(), chosen);
			model.addAttribute("created", created);
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			return CREATED;
		}
		catch (Rejected rejected) {
			model.addAttribute("errors", format.errors(rejected, locale));
			model.addAttribute("newName", name);
			model.addAttribute("chosen", chosen);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(model);
		}
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id) {
		tokens.revoke(id);
		return "redirect:/console/admin/tokens";
	}
}
