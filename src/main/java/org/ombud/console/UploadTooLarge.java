package org.ombud.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.cases.EvidencePolicy;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A friendly 413 for console uploads over the server's multipart limit. The multipart body is parsed before
 * a controller is chosen, so this is a resolver of its own rather than a handler in {@link ConsoleErrors}.
 * An htmx upload gets the message in the upload form's error slot; a plain one gets the error page.
 */
@Component
class UploadTooLarge implements HandlerExceptionResolver, Ordered {

	static final String ERROR_SLOT = "#evidence-errors";

	private final EvidencePolicy policy;

	private final ConsoleFormat format;

	UploadTooLarge(EvidencePolicy policy, ConsoleFormat format) {
		this.policy = policy;
		this.format = format;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof MaxUploadSizeExceededException) || !request.getRequestURI().startsWith("/console/")) {
			return null;
		}
		Locale locale = RequestContextUtils.getLocale(request);
		String message = format.message("console.evidence.tooLarge", locale, policy.maxMegabytes());
		if (Htmx.wantsFragment(request)) {
			response.setHeader("HX-Retarget", ERROR_SLOT);
			response.setHeader("HX-Reswap", "innerHTML");
			ModelAndView fragment = new ModelAndView("console/fragments :: messages", HttpStatus.PAYLOAD_TOO_LARGE);
			fragment.addObject("messages", java.util.List.of(message));
			return fragment;
		}
		ModelAndView page = ConsoleErrors.page(HttpStatus.PAYLOAD_TOO_LARGE, request);
		page.addObject("messages", java.util.List.of(message));
		return page;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
