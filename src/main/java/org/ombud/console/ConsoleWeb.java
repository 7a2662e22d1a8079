package org.ombud.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the console's CSS and JS under {@code /assets/console/**}: the login page needs them before anyone
 * is logged in, and everything under {@code /console/**} is behind the login.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebMvcConfigurer {

	static final String ASSETS = "/assets/console/**";

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(ASSETS).addResourceLocations("classpath:/static/console/");
	}
}
