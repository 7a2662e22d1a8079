package org.ombud.portal;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class PortalConfiguration implements WebMvcConfigurer {

	private final PublicLimits limits;

	PortalConfiguration(PublicLimits limits) {
		this.limits = limits;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new StatusLimits(limits)).addPathPatterns("/status", "/status/**");
	}

	/** Just before Spring Security, which would otherwise refuse an oversized upload for its lost CSRF token. */
	@Bean
	FilterRegistrationBean<UploadGuard> portalUploadGuard() {
		FilterRegistrationBean<UploadGuard> registration = new FilterRegistrationBean<>(new UploadGuard());
		registration.addUrlPatterns("/report", "/status/*");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}
}
