package org.ombud.telegram.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The webhook's door: open to anyone (Telegram has no login), no session, no CSRF (a server calls it, not a
 * browser); the bot's secret header is checked by the controller itself.
 */
@Configuration(proxyBeanMethods = false)
class TelegramWebSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain telegramWebhook(HttpSecurity http) throws Exception {
		return http.securityMatcher("/telegram/webhook/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.build();
	}
}
