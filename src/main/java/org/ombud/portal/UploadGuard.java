package org.ombud.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Reads the portal's file uploads before Spring Security does. When the container refuses the body (larger
 * than {@code spring.servlet.multipart.*}) the CSRF token inside it is lost too, so without this the person
 * would get a bare 403. Instead the request is forwarded, as a plain GET, to the page the form was on, which
 * then says in the person's language that the upload was too large (413) or unreadable (400). Nothing of the
 * refused request reaches a controller that stores anything.
 */
class UploadGuard extends OncePerRequestFilter {

	/** The request attribute that tells the page why its form was refused. */
	static final String REFUSED = "org.ombud.portal.UploadGuard.refused";

	enum Refusal {
		TOO_LARGE, MALFORMED
	}

	// the forms that post files, and the pages they sit on
	private static final Pattern REPORT = Pattern.compile("/report");

	private static final Pattern MESSAGES = Pattern.compile("(/status/[A-Za-z0-9_-]{1,100})/messages");

	private final StandardServletMultipartResolver multipart = new StandardServletMultipartResolver();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !multipart.isMultipart(request) || page(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			// the container keeps the parsed parts; Spring Security and MVC read them from there later
			multipart.resolveMultipart(request);
		}
		catch (MaxUploadSizeExceededException e) {
			refuse(request, response, Refusal.TOO_LARGE);
			return;
		}
		catch (MultipartException e) {
			refuse(request, response, Refusal.MALFORMED);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
			throws ServletException, IOException {
		request.setAttribute(REFUSED, refusal);
		request.getRequestDispatcher(page(request)).forward(new PageRequest(request), response);
	}

	private static String page(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (REPORT.matcher(path).matches()) {
			return path;
		}
		Matcher messages = MESSAGES.matcher(path);
		return messages.matches() ? messages.group(1) : null;
	}

	/**
	 * The refused request seen as a plain page view: a GET without a body to parse again. Its parameters are
	 * only those of the query string, since the container throws when asked for those of a body it refused.
	 */
	private static final class PageRequest extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		PageRequest(HttpServletRequest request) {
			super(request);
			Map<String, String[]> query = new LinkedHashMap<>();
			UriComponentsBuilder.newInstance()
				.query(request.getQueryString())
				.build()
				.getQueryParams()
				.forEach((name, values) -> query.put(decode(name),
						values.stream().map(v -> v == null ? "" : decode(v)).toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(query);
		}

		private static String decode(String text) {
			return UriUtils.decode(text.replace('+', ' '), StandardCharsets.UTF_8);
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public String getHeader(String name) {
			return "Content-Type".equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters.get(name);
		}
	}
}
