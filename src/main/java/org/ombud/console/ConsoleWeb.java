package org.ombud.console;

import org.ombud.audit.AuditLog;
import org.ombud.audit.AuditedReads;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the console's CSS and JS under {@code /assets/console/**}: the login page needs them before anyone
 * is logged in, and everything under {@code /console/**} is behind the login.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebMvcConfigurer {

	static final String ASSETS = "/assets/console/**";

	private final AuditLog audit;

	ConsoleWeb(AuditLog audit) {
		this.audit = audit;
	}

	/** Opening a case (its contact details and timeline) and downloading evidence go on the audit log. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuditedReads(audit)
			.read("/console/cases/{number}", AuditLog.CASE_VIEWED, "case", "number")
			.read("/console/cases/{number}/evidence/{id}", AuditLog.EVIDENCE_DOWNLOADED, "evidence", "id"))
			.addPathPatterns("/console/cases/**");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(ASSETS).addResourceLocations("classpath:/static/console/");
	}
}
