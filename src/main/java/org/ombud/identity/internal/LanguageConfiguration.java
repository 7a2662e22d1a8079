package org.ombud.identity.internal;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.Agent;
import org.ombud.shared.Languages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Which language a page speaks: a logged-in agent's own choice; for everyone else the {@code lang}
 * switch (kept in a cookie), else the browser's first supported language, else English.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver(AgentStore agents) {
		return new AgentOrBrowserLocaleResolver(agents);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor).excludePathPatterns("/console/**", "/api/**");
	}

	static Locale browserLanguage(HttpServletRequest request) {
		for (Locale locale : Collections.list(request.getLocales())) {
			if (Languages.SUPPORTED.contains(locale.getLanguage())) {
				return Locale.forLanguageTag(locale.getLanguage());
			}
		}
		return Locale.ENGLISH;
	}

	static final class AgentOrBrowserLocaleResolver implements LocaleResolver {

		private final AgentStore agents;

		private final CookieLocaleResolver cookie = new CookieLocaleResolver("ombud_lang");

		AgentOrBrowserLocaleResolver(AgentStore agents) {
			this.agents = agents;
			cookie.setDefaultLocaleFunction(LanguageConfiguration::browserLanguage);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth != null && auth.getPrincipal() instanceof AgentPrincipal agent) {
				return agents.agent(agent.agentId())
					.map(Agent::locale)
					.map(Locale::forLanguageTag)
					.orElse(Locale.ENGLISH);
			}
			Locale locale = cookie.resolveLocale(request);
			return Locale.forLanguageTag(Languages.of(locale));
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			cookie.setLocale(request, response,
					locale == null ? null : Locale.forLanguageTag(Languages.of(locale)));
		}
	}
}
