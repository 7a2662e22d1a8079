package org.ombud.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.identity.AgentDirectory;
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

/** Admin: the teams cases are routed to. */
@Controller
@RequestMapping("/console/admin/teams")
class TeamsAdminController {

	static final String PAGE = "console/admin/teams";

	private final AgentDirectory directory;

	private final ConsoleFormat format;

	TeamsAdminController(AgentDirectory directory, ConsoleFormat format) {
		this.directory = directory;
		this.format = format;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("teams", directory.teams());
		model.addAttribute("agents", directory.agents().stream().filter(a -> a.active()).toList());
		model.addAttribute("errorRow", -1L);
		return PAGE;
	}

	@PostMapping
	String create(@RequestParam(required = false) String key, @RequestParam(required = false) String name,
			Locale locale, Model model, HttpServletResponse response) {
		try {
			directory.createTeam(key, name);
			return "redirect:/console/admin/teams";
		}
		catch (Rejected rejected) {
			model.addAttribute("newKey", key);
			model.addAttribute("newName", name);
			return refused(rejected, 0L, locale, model, response);
		}
	}

	/** Renames a team and, when the form names one ({@code lead}: an agent id, or empty for nobody), sets its lead. */
	@PostMapping("/{id}")
	String rename(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String lead, Locale locale, Model model, HttpServletResponse response) {
		directory.team(id).orElseThrow(() -> new NotFound("team"));
		try {
			Long leadId = null;
			if (lead != null && !lead.isBlank()) {
				leadId = CaseController.id(lead.strip());
				if (leadId == null) {
					throw Rejected.of("lead", "error.agent.unknown");
				}
			}
			if (name == null || name.isBlank() || name.length() > 200) {
				throw Rejected.of("name", "error.length", 1, 200);
			}
			if (lead != null) {
				directory.changeTeamLead(id, leadId);
			}
			directory.renameTeam(id, name);
			return "redirect:/console/admin/teams";
		}
		catch (Rejected rejected) {
			return refused(rejected, id, locale, model, response);
		}
	}

	/** The list again with the refusal shown by the row it concerns (0: the new team's form). */
	private String refused(Rejected rejected, long row, Locale locale, Model model, HttpServletResponse response) {
		model.addAttribute("teams", directory.teams());
		model.addAttribute("agents", directory.agents().stream().filter(a -> a.active()).toList());
		model.addAttribute("errorRow", row);
		model.addAttribute("errors", format.errors(rejected, locale));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return PAGE;
	}
}
