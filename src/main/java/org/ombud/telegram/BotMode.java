package org.ombud.telegram;

/** How a bot receives its updates: Telegram calls our webhook, or we ask with long polling. */
public enum BotMode {
	POLLING, WEBHOOK;

	/** The mode named in the configuration ({@code polling} or {@code webhook}), polling when blank. */
	public static BotMode of(String text) {
		return text == null || text.isBlank() ? POLLING : valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
	}
}
