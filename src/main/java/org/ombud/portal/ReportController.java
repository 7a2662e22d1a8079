package org.ombud.portal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.cases.Categories;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.EvidencePolicy;
import org.ombud.intake.Channels;
import org.ombud.intake.ContactDetails;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Languages;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public web form: a complaint in, a case number and the private status link out. */
@Controller
class ReportController {

	static final String FORM = "portal/report";

	static final String RECEIPT = "portal/receipt";

	private final Intake intake;

	private final Categories categories;

	private final EvidencePolicy evidencePolicy;

	private final ReportChecks checks;

	private final ErrorTexts texts;

	private final PublicLimits limits;

	private final String publicUrl;

	ReportController(Intake intake, Categories categories, EvidencePolicy evidencePolicy, ReportChecks checks,
			ErrorTexts texts, PublicLimits limits, @Value("${ombud.public-url:}") String publicUrl) {
		this.limits = limits;
		this.intake = intake;
		this.categories = categories;
		this.evidencePolicy = evidencePolicy;
		this.checks = checks;
		this.texts = texts;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/report";
	}

	@GetMapping("/report")
	String form(@RequestAttribute(name = UploadGuard.REFUSED, required = false) UploadGuard.Refusal refused,
			Locale locale, Model model, HttpServletResponse response) {
		FormErrors errors = FormErrors.none();
		if (refused == UploadGuard.Refusal.TOO_LARGE) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			errors = texts.general("portal.error.tooLarge", locale, evidencePolicy.maxFiles(),
					evidencePolicy.maxMegabytes());
		}
		else if (refused == UploadGuard.Refusal.MALFORMED) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			errors = texts.general("error.badRequest", locale);
		}
		return form(ReportForm.empty(), errors, model);
	}

	@PostMapping("/report")
	String submit(@ModelAttribute("form") ReportForm form,
			@RequestParam(name = "evidence", required = false) List<MultipartFile> files, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		Duration wait = limits.take(PublicLimits.Door.FORM, request.getRemoteAddr());
		if (!wait.isZero()) {
			return limited(form, wait, locale, model, response);
		}
		if (form.trapped()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(form, texts.general("portal.error.trap", locale), model);
		}
		List<EvidenceFile> evidence = Uploads.evidence(files);
		List<Rejection> problems = checks.check(form, evidence);
		if (problems.isEmpty()) {
			wait = limits.take(PublicLimits.Door.CONTACT, contactKey(form));
			if (!wait.isZero()) {
				return limited(form, wait, locale, model, response);
			}
			try {
				Receipt receipt = intake.submit(new Submission(Channels.WEBFORM, form.name(), form.email(),
						form.phone(), null, Languages.of(locale), form.category(), form.subcategory(),
						form.description(), form.reportedObject(), null, evidence, Actor.CONTACT));
				// flash attributes live for one GET: reloading the receipt cannot send the form again
				redirect.addFlashAttribute("number", receipt.number());
				redirect.addFlashAttribute("statusToken", receipt.statusToken());
				return "redirect:/report/receipt";
			}
			catch (Rejected rejected) {
				problems = rejected.rejections();
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(form, texts.of(problems, ReportForm.FIELDS, locale), model);
	}

	/** The person, as the contact details they gave: the normalised e-mail address, else the phone number. */
	private static String contactKey(ReportForm form) {
		return ContactDetails.email(form.email())
			.map(e -> "email:" + e)
			.or(() -> ContactDetails.phone(form.phone()).map(p -> "phone:" + p))
			.orElse("none");
	}

	/** Over a limit: the form comes back as it was typed, with when to try again; nothing is stored. */
	private String limited(ReportForm form, Duration wait, Locale locale, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
		return form(form, texts.general("portal.error.limited", locale, PublicLimits.minutes(wait)), model);
	}

	@GetMapping("/report/receipt")
	String receipt(Model model) {
		if (!(model.getAttribute("statusToken") instanceof String token)) {
			return "redirect:/report";
		}
		model.addAttribute("statusUrl", publicUrl + "/status/" + token);
		model.addAttribute("statusPath", "/status/" + token);
		// the receipt is shown once; switching its language leads on to the status page, which lasts
		model.addAttribute("here", "/status/" + token);
		return RECEIPT;
	}

	private String form(ReportForm form, FormErrors errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("categories", categories.active());
		model.addAttribute("maxFiles", evidencePolicy.maxFiles());
		model.addAttribute("maxMegabytes", evidencePolicy.maxMegabytes());
		return FORM;
	}
}
