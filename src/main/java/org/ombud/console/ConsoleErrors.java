package org.ombud.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's answers when something goes wrong in a controller: a missing case or file is a 404 page,
 * a refusal nobody handled closer to the form is a 422 page listing why. Uploads over the multipart limit
 * are answered by {@link UploadTooLarge}: they fail before any controller is chosen, where no controller
 * advice applies.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
class ConsoleErrors {

	private final ConsoleFormat format;

	ConsoleErrors(ConsoleFormat format) {
		this.format = format;
	}

	@ExceptionHandler(NotFound.class)
	ModelAndView notFound(HttpServletRequest request) {
		return page(HttpStatus.NOT_FOUND, request);
	}

	@ExceptionHandler(Rejected.class)
	ModelAndView rejected(Rejected rejected, HttpServletRequest request, Locale locale) {
		ModelAndView page = page(HttpStatus.UNPROCESSABLE_CONTENT, request);
		page.addObject("messages", format.errors(rejected, locale).messages());
		return page;
	}

	/** A header the firewall refuses when a controller reads it: the request was malformed, not our failure. */
	@ExceptionHandler(RequestRejectedException.class)
	ModelAndView malformed(HttpServletRequest request) {
		return page(HttpStatus.BAD_REQUEST, request);
	}

	static ModelAndView page(HttpStatus status, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("path", request.getRequestURI());
		return page;
	}
}
