package org.ombud.outbox.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox worker runs. {@code poll}: how often it looks for due rows when nothing woke it;
 * {@code lease}: how long a claimed row is held (longer than any adapter call may take); {@code horizon}: how far
 * ahead of now a send slot may be reserved; {@code backoff}/{@code maxBackoff}: the wait after the first failed
 * attempt, doubled each time up to the maximum (with jitter); after {@code maxAttempts} failed attempts or
 * {@code maxAge} after it was queued a message has finally failed.
 */
@ConfigurationProperties("ombud.outbox")
public record OutboxSettings(@DefaultValue("true") boolean enabled, @DefaultValue("150ms") Duration poll,
		@DefaultValue("2m") Duration lease, @DefaultValue("1s") Duration horizon,
		@DefaultValue("2s") Duration backoff, @DefaultValue("15m") Duration maxBackoff,
		@DefaultValue("10") int maxAttempts, @DefaultValue("24h") Duration maxAge,
		@DefaultValue("256") int maxInFlight) {
}
