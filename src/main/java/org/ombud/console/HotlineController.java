package org.ombud.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.cases.Priority;
import org.ombud.identity.AgentPrincipal;
import org.ombud.intake.Channels;
import org.ombud.intake.ContactDetails;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Languages;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hotline: an agent logs a call as a case on the {@code phone} channel, in the caller's language. */
@Controller
class HotlineController {

	static final String FORM = "console/hotline";

	private final Intake intake;

	private final Names names;

	private final ConsoleFormat format;

	HotlineController(Intake intake, Names names, ConsoleFormat format) {
		this.intake = intake;
		this.names = names;
		this.format = format;
	}

	@GetMapping("/console/cases/new")
	String form(Locale locale, Model model) {
		return show(HotlineForm.empty(Languages.of(locale)), locale, model);
	}

	@PostMapping("/console/cases/new")
	String submit(@AuthenticationPrincipal AgentPrincipal me, HotlineForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			check(form);
			String[] keys = form.category() == null ? new String[] { "" } : form.category().split("/", 2);
			Receipt receipt = intake.submit(new Submission(Channels.PHONE, blankToNull(form.name()),
					blankToNull(form.email()), form.phone(), null, Languages.of(form.language()), keys[0],
					keys.length > 1 ? keys[1] : null, form.description(), blankToNull(form.reportedObject()),
					priority(form.priority()), List.of(), Actor.agent(me.agentId())));
			redirect.addFlashAttribute("notice", "console.hotline.created");
			redirect.addFlashAttribute("noticeArg", receipt.number());
			return "redirect:/console/cases/" + receipt.number();
		}
		catch (Rejected rejected) {
			model.addAttribute("errors", format.errors(rejected, locale));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(form, locale, model);
		}
	}

	/**
	 * A call always comes from a phone, so the number is required here; the rest of the checks are the same
	 * as for every channel and are done by intake.
	 */
	private static void check(HotlineForm form) {
		List<Rejection> problems = new ArrayList<>();
		if (form.phone() == null || form.phone().isBlank()) {
			problems.add(Rejection.of("phone", "error.required"));
		}
		else if (ContactDetails.phone(form.phone()).isEmpty()) {
			problems.add(Rejection.of("phone", "error.phone"));
		}
		if (form.email() != null && !form.email().isBlank() && ContactDetails.email(form.email()).isEmpty()) {
			problems.add(Rejection.of("email", "error.email"));
		}
		if (form.description() == null || form.description().isBlank()) {
			problems.add(Rejection.of("description", "error.required"));
		}
		if (form.category() == null || form.category().isBlank()) {
			problems.add(Rejection.of("category", "error.required"));
		}
		if (form.priority() != null && !form.priority().isBlank() && priority(form.priority()) == null) {
			problems.add(Rejection.of("priority", "error.required"));
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
	}

	private String show(HotlineForm form, Locale locale, Model model) {
		Names.Snapshot snapshot = names.snapshot(Languages.of(locale));
		model.addAttribute("form", form);
		model.addAttribute("categories", snapshot.activeCategories());
		model.addAttribute("priorities", Priority.values());
		return FORM;
	}

	private static Priority priority(String value) {
		if (value == null || value.isBlank()) {
			return Priority.NORMAL;
		}
		return Arrays.stream(Priority.values()).filter(p -> p.name().equals(value)).findFirst().orElse(null);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
