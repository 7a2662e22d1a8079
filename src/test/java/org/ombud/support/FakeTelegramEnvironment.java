package org.ombud.support;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application context's Telegram at the {@link FakeTelegram} of the test JVM, with short
 * long polls and timeouts so that tests (and context shutdowns) do not wait on them.
 */
public class FakeTelegramEnvironment implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addFirst(new MapPropertySource("ombud-fake-telegram",
					Map.of("ombud.telegram.api-url", FakeTelegram.shared().url(), "ombud.telegram.poll-timeout", "1s",
							"ombud.telegram.read-timeout", "3s", "ombud.telegram.connect-timeout", "2s")));
	}
}
