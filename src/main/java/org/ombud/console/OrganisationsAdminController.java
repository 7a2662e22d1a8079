package org.ombud.console;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.contacts.Organisations;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.Role;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Admin: client organisations, their team and their account manager, who sees the organisation's chats and
 * shares them with colleagues. Only account managers, supervisors and admins can be account managers.
 */
@Controller
@RequestMapping("/console/admin/organisations")
class OrganisationsAdminController {

	static final String PAGE = "console/admin/organisations";

	private final Organisations organisations;

	private final AgentDirectory directory;

	private final ConsoleFormat format;

	OrganisationsAdminController(Organisations organisations, AgentDirectory directory, ConsoleFormat format) {
		this.organisations = organisations;
		this.directory = directory;
		this.format = format;
	}

	@GetMapping
	String list(Model model) {
		fill(model);
		model.addAttribute("errorRow", -1L);
		return PAGE;
	}

	@PostMapping
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String manager,
			@RequestParam(required = false) String team, Locale locale, Model model, HttpServletResponse response) {
		try {
			organisations.create(name, manager(manager), team(team));
			return "redirect:/console/admin/organisations";
		}
		catch (Rejected rejected) {
			model.addAttribute("newName", name);
			return refused(rejected, 0L, locale, model, response);
		}
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String manager, @RequestParam(required = false) String team, Locale locale,
			Model model, HttpServletResponse response) {
		organisations.get(id).orElseThrow(() -> new NotFound("organisation"));
		try {
			organisations.update(id, name, manager(manager), team(team));
			return "redirect:/console/admin/organisations";
		}
		catch (Rejected rejected) {
			return refused(rejected, id, locale, model, response);
		}
	}

	/** An agent who may manage accounts, or null for none. */
	private Long manager(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Long id = CaseController.id(value.strip());
		return managers().stream()
			.filter(a -> id != null && a.id() == id)
			.findFirst()
			.map(Agent::id)
			.orElseThrow(() -> Rejected.of("manager", "error.organisation.manager"));
	}

	private Long team(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		Long id = CaseController.id(value.strip());
		if (id == null || directory.team(id).isEmpty()) {
			throw Rejected.of("team", "error.team.unknown");
		}
		return id;
	}

	private List<Agent> managers() {
		return directory.agents()
			.stream()
			.filter(Agent::active)
			.filter(a -> a.role() == Role.ACCOUNT_MANAGER || a.role().seesEverything())
			.toList();
	}

	private void fill(Model model) {
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("managers", managers());
		model.addAttribute("teams", directory.teams());
	}

	private String refused(Rejected rejected, long row, Locale locale, Model model, HttpServletResponse response) {
		fill(model);
		model.addAttribute("errorRow", row);
		model.addAttribute("errors", format.errors(rejected, locale));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return PAGE;
	}
}
