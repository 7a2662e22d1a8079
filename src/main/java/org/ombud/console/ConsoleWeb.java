package org.ombud.console;

import org.ombud.audit.AuditLog;
import org.ombud.audit.AuditedReads;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
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

	/**
	 * No URL rewriting for static files: Ombud links them without versions (htmx is found in its webjar when
	 * served), and the filter Boot adds with the webjars would look every link of every page up in the jar
	 * (fifty case rows, fifty misses each time), which cost more than the page's database work.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	/** Opening a case (its contact details and timeline), downloading evidence and seeing its preview go on the audit log. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuditedReads(audit)
			.read("/console/cases/{number}", AuditLog.CASE_VIEWED, "case", "number")
			.read("/console/cases/{number}/evidence/{id}", AuditLog.EVIDENCE_DOWNLOADED, "evidence", "id")
			.read("/console/cases/{number}/evidence/{id}/preview", AuditLog.EVIDENCE_PREVIEWED, "evidence", "id"))
			.addPathPatterns("/console/cases/**");
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// the chain caches what it found: every page links these files, and a look-up in the jar costs more than
		// rendering the page
		registry.addResourceHandler(ASSETS).addResourceLocations("classpath:/static/console/").resourceChain(true);
	}
}
