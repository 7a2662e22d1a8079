package org.ombud.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.trackers.Tracker;
import org.ombud.trackers.TrackerDraft;
import org.ombud.trackers.TrackerFormat;
import org.ombud.trackers.Trackers;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin: the trackers agents may send a client's message to. The secret is write-only: the form never shows
 * it back, and an empty secret on a change keeps the stored one.
 */
@Controller
@RequestMapping("/console/admin/trackers")
class TrackersAdminController {

	static final String LIST = "console/admin/trackers";

	static final String EDIT = "console/admin/tracker";

	private final Trackers trackers;

	private final ConsoleFormat format;

	TrackersAdminController(Trackers trackers, ConsoleFormat format) {
		this.trackers = trackers;
		this.format = format;
	}

	/** The form's fields; the secret is never put back into a page. */
	record TrackerForm(String name, String url, String format, String target, String secret, String active) {

		static TrackerForm empty() {
			return new TrackerForm("", "", TrackerFormat.GENERIC.name(), "", null, "on");
		}

		static TrackerForm of(Tracker t) {
			return new TrackerForm(t.name(), t.url(), t.format().name(), t.target(), null, t.active() ? "on" : null);
		}

		TrackerDraft draft() {
			return new TrackerDraft(name, url, format, target, secret, active != null);
		}

		TrackerForm withoutSecret() {
			return new TrackerForm(name, url, format, target, null, active);
		}
	}

	@GetMapping
	String list(Model model) {
		return list(TrackerForm.empty(), model);
	}

	private String list(TrackerForm form, Model model) {
		model.addAttribute("trackers", trackers.trackers());
		model.addAttribute("form", form);
		model.addAttribute("formats", TrackerFormat.values());
		return LIST;
	}

	@PostMapping
	String create(TrackerForm form, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			Tracker created = trackers.create(form.draft());
			redirect.addFlashAttribute("notice", "console.admin.saved");
			return "redirect:/console/admin/trackers/" + created.id();
		}
		catch (Rejected rejected) {
			refused(rejected, locale, model, response);
			return list(form.withoutSecret(), model);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable String id, Model model) {
		Tracker tracker = tracker(id);
		return edit(tracker, TrackerForm.of(tracker), model);
	}

	private String edit(Tracker tracker, TrackerForm form, Model model) {
		model.addAttribute("tracker", tracker);
		model.addAttribute("form", form);
		model.addAttribute("formats", TrackerFormat.values());
		model.addAttribute("deliveries", trackers.deliveries(tracker.id(), 20));
		return EDIT;
	}

	@PostMapping("/{id}")
	String update(@PathVariable String id, TrackerForm form, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Tracker tracker = tracker(id);
		try {
			trackers.update(tracker.id(), form.draft());
			redirect.addFlashAttribute("notice", "console.admin.saved");
			return "redirect:/console/admin/trackers/" + tracker.id();
		}
		catch (Rejected rejected) {
			refused(rejected, locale, model, response);
			return edit(tracker, form.withoutSecret(), model);
		}
	}

	private Tracker tracker(String id) {
		Long trackerId = CaseController.id(id);
		return (trackerId == null ? java.util.Optional.<Tracker>empty() : trackers.tracker(trackerId))
			.orElseThrow(() -> new NotFound("tracker"));
	}

	private void refused(Rejected rejected, Locale locale, Model model, HttpServletResponse response) {
		model.addAttribute("errors", format.errors(rejected, locale));
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}
}
