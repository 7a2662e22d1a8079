package org.ombud.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: who works the desk, their role, teams and password. */
@Controller
@RequestMapping("/console/admin/agents")
class AgentsAdminController {

	static final String LIST = "console/admin/agents";

	static final String EDIT = "console/admin/agent";

	private final AgentDirectory directory;

	private final ConsoleFormat format;

	AgentsAdminController(AgentDirectory directory, ConsoleFormat format) {
		this.directory = directory;
		this.format = format;
	}

	@GetMapping
	String list(Model model) {
		return list(AgentForm.empty(), model);
	}

	@PostMapping
	String create(AgentForm form, Locale locale, Model model, HttpServletResponse response) {
		try {
			directory.create(new NewAgent(form.username(), form.displayName(), form.email(), form.password(),
					form.roleOrNull(), form.locale(), form.teams()));
			return "redirect:/console/admin/agents";
		}
		catch (Rejected rejected) {
			model.addAttribute("errors", format.errors(rejected, locale));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(new AgentForm(form.username(), form.displayName(), form.email(), "", form.role(),
					form.locale(), form.active(), form.teamIds()), model);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Agent agent = agent(id);
		return edit(agent, AgentForm.of(agent), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, AgentForm form, @AuthenticationPrincipal AgentPrincipal me, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Agent agent = agent(id);
		try {
			if (id == me.agentId() && (form.roleOrNull() != Role.ADMIN || !form.isActive())) {
				// an admin who demotes or deactivates themselves may leave the desk with no admin at all
				throw Rejected.of("role", "console.admin.agents.self");
			}
			directory.update(id, form.displayName(), form.roleOrNull(), form.isActive(), form.teams());
			redirect.addFlashAttribute("notice", "console.admin.saved");
			return "redirect:/console/admin/agents/" + id;
		}
		catch (Rejected rejected) {
			model.addAttribute("errors", format.errors(rejected, locale));
			model.addAttribute("errorForm", "profile");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return edit(agent, new AgentForm(agent.username(), form.displayName(), agent.email(), "", form.role(),
					agent.locale(), form.active(), form.teamIds()), model);
		}
	}

	@PostMapping("/{id}/password")
	String password(@PathVariable long id, @RequestParam(required = false) String password, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Agent agent = agent(id);
		try {
			directory.changePassword(id, password);
			redirect.addFlashAttribute("notice", "console.admin.agents.passwordChanged");
			return "redirect:/console/admin/agents/" + id;
		}
		catch (Rejected rejected) {
			model.addAttribute("errors", format.errors(rejected, locale));
			model.addAttribute("errorForm", "password");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return edit(agent, AgentForm.of(agent), model);
		}
	}

	/** Links the agent's Telegram account: what they write in a client's group chat is our reply. */
	@PostMapping("/{id}/telegram")
	String telegram(@PathVariable long id, @RequestParam(required = false) String telegramUserId, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Agent agent = agent(id);
		try {
			directory.linkTelegram(id, telegramUserId);
			redirect.addFlashAttribute("notice", "console.admin.saved");
			return "redirect:/console/admin/agents/" + id;
		}
		catch (Rejected rejected) {
			model.addAttribute("errors", format.errors(rejected, locale));
			model.addAttribute("errorForm", "telegram");
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			String edit = edit(agent, AgentForm.of(agent), model);
			model.addAttribute("telegramUserId", telegramUserId);
			return edit;
		}
	}

	private String list(AgentForm form, Model model) {
		model.addAttribute("agents", directory.agents());
		model.addAttribute("teams", directory.teams());
		model.addAttribute("roles", Role.values());
		model.addAttribute("form", form);
		return LIST;
	}

	private String edit(Agent agent, AgentForm form, Model model) {
		model.addAttribute("agent", agent);
		model.addAttribute("teams", directory.teams());
		model.addAttribute("roles", Role.values());
		model.addAttribute("form", form);
		model.addAttribute("telegramUserId", directory.telegramUserId(agent.id()).map(String::valueOf).orElse(""));
		return EDIT;
	}

	private Agent agent(long id) {
		return directory.agent(id).orElseThrow(() -> new NotFound("agent"));
	}
}
