package org.ombud.portal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.shared.Languages;
import org.ombud.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** What every portal page needs (its language and the language switch), and the portal's error pages. */
@ControllerAdvice(assignableTypes = { ReportController.class, StatusController.class })
class PortalPages {

	static final String PROBLEM = "portal/problem";

	private final ErrorTexts texts;

	PortalPages(ErrorTexts texts) {
		this.texts = texts;
	}

	@ModelAttribute("lang")
	String lang(Locale locale) {
		return Languages.of(locale);
	}

	@ModelAttribute("languages")
	List<String> languages() {
		return Languages.SUPPORTED;
	}

	/** Where the language switch leads: this page, or for a posted form the page the form is on. */
	@ModelAttribute("here")
	String here(HttpServletRequest request) {
		return page(request);
	}

	/** Unknown status links and files end here, without a hint whether the case exists. */
	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(HttpServletRequest request, Locale locale) {
		return problem(request, locale, HttpStatus.NOT_FOUND, "portal.notFound.title", "portal.notFound.text");
	}

	// UploadGuard normally answers these before any controller; this covers uploads read some other way
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, Locale locale) {
		return problem(request, locale, HttpStatus.CONTENT_TOO_LARGE, "portal.tooLarge.title", "portal.tooLarge.text");
	}

	@ExceptionHandler(PublicLimits.TooManyRequests.class)
	ModelAndView tooMany(PublicLimits.TooManyRequests refused, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		response.setHeader("Retry-After", Long.toString(Math.max(1, refused.wait.toSeconds())));
		ModelAndView view = problem(request, locale, HttpStatus.TOO_MANY_REQUESTS, "portal.limited.title",
				"portal.error.limited");
		view.addObject("text", texts.text("portal.error.limited", locale, PublicLimits.minutes(refused.wait)));
		return view;
	}

	@ExceptionHandler({ MultipartException.class, RequestRejectedException.class })
	ModelAndView unreadable(HttpServletRequest request, Locale locale) {
		return problem(request, locale, HttpStatus.BAD_REQUEST, "portal.badRequest.title", "error.badRequest");
	}

	private ModelAndView problem(HttpServletRequest request, Locale locale, HttpStatus status, String title,
			String text) {
		ModelAndView view = new ModelAndView(PROBLEM, status);
		view.addObject("lang", lang(locale));
		view.addObject("languages", languages());
		view.addObject("here", page(request));
		view.addObject("title", texts.text(title, locale));
		view.addObject("text", texts.text(text, locale));
		return view;
	}

	static String page(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.endsWith("/messages")) {
			return path.substring(0, path.length() - "/messages".length());
		}
		return path.isEmpty() ? "/" : path;
	}
}
