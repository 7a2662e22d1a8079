package org.ombud.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.cases.Categories;
import org.ombud.cases.Priority;
import org.ombud.contacts.Organisations;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.sla.SlaCalendar;
import org.ombud.sla.SlaCalendars;
import org.ombud.sla.SlaPolicies;
import org.ombud.sla.SlaPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin: SLA policies (their order, criteria, targets and escalation) and business calendars. A save sent by htmx
 * is answered with the form alone (with "saved" or its errors); a plain post with a redirect, or the page with
 * the errors. A refused save changes nothing (422).
 */
@Controller
@RequestMapping("/console/admin/sla")
class SlaAdminController {

	static final String POLICIES = "console/admin/sla-policies";

	static final String POLICY = "console/admin/sla-policy";

	static final String CALENDARS = "console/admin/sla-calendars";

	static final String CALENDAR = "console/admin/sla-calendar";

	private final SlaPolicies policies;

	private final SlaCalendars calendars;

	private final Categories categories;

	private final Organisations organisations;

	private final ConsoleFormat format;

	SlaAdminController(SlaPolicies policies, SlaCalendars calendars, Categories categories,
			Organisations organisations, ConsoleFormat format) {
		this.policies = policies;
		this.calendars = calendars;
		this.categories = categories;
		this.organisations = organisations;
		this.format = format;
	}

	// --- policies

	@GetMapping
	String policies(Model model) {
		return policies(SlaPolicyForm.empty(), model);
	}

	@PostMapping("/policies")
	String create(SlaPolicyForm form, Locale locale, Model model, HttpServletResponse response) {
		try {
			SlaPolicy created = policies.create(form.draft());
			return "redirect:/console/admin/sla/policies/" + created.id();
		}
		catch (Rejected rejected) {
			refused(rejected, locale, model, response);
			return policies(form, model);
		}
	}

	@GetMapping("/policies/{id}")
	String policy(@PathVariable long id, Model model) {
		SlaPolicy policy = policy(id);
		return policy(policy, SlaPolicyForm.of(policy), model);
	}

	@PostMapping("/policies/{id}")
	String update(@PathVariable long id, SlaPolicyForm form, Locale locale, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		SlaPolicy policy = policy(id);
		boolean fragment = Htmx.wantsFragment(request);
		try {
			SlaPolicy saved = policies.update(id, form.draft());
			if (!fragment) {
				redirect.addFlashAttribute("notice", "console.admin.saved");
				return "redirect:/console/admin/sla/policies/" + id;
			}
			model.addAttribute("notice", "console.admin.saved");
			policy(saved, SlaPolicyForm.of(saved), model);
			return POLICY + " :: policy-form";
		}
		catch (Rejected rejected) {
			refused(rejected, locale, model, response);
			policy(policy, form, model);
			return fragment ? POLICY + " :: policy-form" : POLICY;
		}
	}

	@PostMapping("/policies/{id}/delete")
	String delete(@PathVariable long id, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		SlaPolicy policy = policy(id);
		try {
			policies.delete(id);
			redirect.addFlashAttribute("notice", "sla.admin.deleted");
			return "redirect:/console/admin/sla";
		}
		catch (Rejected rejected) {
			refused(rejected, locale, model, response);
			return policy(policy, SlaPolicyForm.of(policy), model);
		}
	}

	// --- calendars

	@GetMapping("/calendars")
	String calendars(Model model) {
		return calendars(SlaCalendarForm.empty(), model);
	}

	@PostMapping("/calendars")
	String createCalendar(SlaCalendarForm form, Locale locale, Model model, HttpServletResponse response) {
		try {
			SlaCalendar created = calendars.create(form.draft());
			return "redirect:/console/admin/sla/calendars/" + created.id();
		}
		catch (Rejected rejected) {
			refused(rejected, locale, model, response);
			return calendars(form, model);
		}
	}

	@GetMapping("/calendars/{id}")
	String calendar(@PathVariable long id, Model model) {
		SlaCalendar calendar = calendar(id);
		return calendar(calendar, SlaCalendarForm.of(calendar), model);
	}

	@PostMapping("/calendars/{id}")
	String updateCalendar(@PathVariable long id, SlaCalendarForm form, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		SlaCalendar calendar = calendar(id);
		boolean fragment = Htmx.wantsFragment(request);
		try {
			SlaCalendar saved = calendars.update(id, form.draft());
			if (!fragment) {
				redirect.addFlashAttribute("notice", "console.admin.saved");
				return "redirect:/console/admin/sla/calendars/" + id;
			}
			model.addAttribute("notice", "console.admin.saved");
			calendar(saved, SlaCalendarForm.of(saved), model);
			return CALENDAR + " :: calendar-form";
		}
		catch (Rejected rejected) {
			refused(rejected, locale, model, response);
			calendar(calendar, form, model);
			return fragment ? CALENDAR + " :: calendar-form" : CALENDAR;
		}
	}

	// --- shared

	private void refused(Rejected rejected, Locale locale, Model model, HttpServletResponse response) {
		model.addAttribute("errors", format.errors(rejected, locale));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	private String policies(SlaPolicyForm form, Model model) {
		model.addAttribute("policies", policies.all());
		choices(model);
		model.addAttribute("form", form);
		return POLICIES;
	}

	private String policy(SlaPolicy policy, SlaPolicyForm form, Model model) {
		model.addAttribute("policy", policy);
		choices(model);
		model.addAttribute("form", form);
		return POLICY;
	}

	private void choices(Model model) {
		model.addAttribute("categories", categories.all());
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("calendars", calendars.all());
		model.addAttribute("priorities", Priority.values());
	}

	private String calendars(SlaCalendarForm form, Model model) {
		model.addAttribute("calendars", calendars.all());
		model.addAttribute("form", form);
		return CALENDARS;
	}

	private String calendar(SlaCalendar calendar, SlaCalendarForm form, Model model) {
		model.addAttribute("calendar", calendar);
		model.addAttribute("form", form);
		return CALENDAR;
	}

	private SlaPolicy policy(long id) {
		return policies.get(id).orElseThrow(() -> new NotFound("policy"));
	}

	private SlaCalendar calendar(long id) {
		return calendars.get(id).orElseThrow(() -> new NotFound("calendar"));
	}
}
