package org.ombud.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Records who read personal data or evidence: each registered address pattern names the action and the path
 * variable that identifies what was read. Only successful reads are recorded; a refused or missing one is not a
 * read.
 */
public class AuditedReads implements HandlerInterceptor {

	private record Read(String action, String subjectType, String variable) {
	}

	private final AuditLog audit;

	private final Map<PathPattern, Read> reads = new LinkedHashMap<>();

	public AuditedReads(AuditLog audit) {
		this.audit = audit;
	}

	/** A GET of {@code pattern} that succeeds is recorded as {@code action} on {@code subjectType} {@code {variable}}. */
	public AuditedReads read(String pattern, String action, String subjectType, String variable) {
		reads.put(PathPatternParser.defaultInstance.parse(pattern), new Read(action, subjectType, variable));
		return this;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!"GET".equals(request.getMethod()) || ex != null || response.getStatus() != 200) {
			return;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
		for (Map.Entry<PathPattern, Read> entry : reads.entrySet()) {
			PathPattern.PathMatchInfo match = entry.getKey().matchAndExtract(path);
			if (match != null) {
				Read read = entry.getValue();
				String subject = match.getUriVariables().get(read.variable());
				String detail = request.getQueryString() == null ? null : "partial";
				audit.record(read.action(), read.subjectType(), subject, detail);
				return;
			}
		}
	}
}
