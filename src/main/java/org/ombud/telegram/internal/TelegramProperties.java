package org.ombud.telegram.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ombud.telegram.*}: the Bot API's address, the bots of the configuration ({@code bots[0].token},
 * {@code bots[0].mode} = polling | webhook; as environment variables {@code OMBUD_TELEGRAM_BOTS_0_TOKEN} …),
 * the long-poll wait, the call timeouts and the largest file taken as evidence.
 */
@ConfigurationProperties("ombud.telegram")
public record TelegramProperties(String apiUrl, List<Bot> bots, Duration pollTimeout, Duration lease,
		Duration connectTimeout, Duration readTimeout, Long maxFileBytes, Boolean pollingEnabled) {

	public TelegramProperties {
		apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://api.telegram.org" : apiUrl.replaceAll("/+$", "");
		bots = bots == null ? List.of() : List.copyOf(bots);
		pollTimeout = pollTimeout == null ? Duration.ofSeconds(25) : pollTimeout;
		lease = lease == null ? Duration.ofSeconds(60) : lease;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
		pollingEnabled = pollingEnabled == null || pollingEnabled;
	}

	public record Bot(String token, String mode) {

		@Override
		public String toString() {
			// the token never reaches a log, not even through a printed configuration
			return "Bot[mode=" + mode + "]";
		}
	}
}
