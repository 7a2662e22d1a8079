package org.ombud.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets per key, each holding {@code capacity} requests refilled evenly over {@code window}, kept in a
 * bounded cache that forgets keys nobody used for a while. Time comes from the injected clock. Per node.
 */
public final class Throttle {

	private final int capacity;

	private final Duration window;

	private final TimeMeter time;

	private final Cache<String, Bucket> buckets;

	public Throttle(int capacity, Duration window, Clock clock) {
		this.capacity = capacity;
		this.window = window;
		this.time = new TimeMeter() {
			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
		this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(window.multipliedBy(2)).build();
	}

	/** Takes one request for {@code key}: zero when allowed, otherwise how long until the next one would be. */
	public Duration take(String key) {
		Bucket bucket = buckets.get(key, k -> Bucket.builder()
			.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
			.withCustomTimePrecision(time)
			.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/** Whole minutes to tell a person, at least one. */
	public static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}
}
