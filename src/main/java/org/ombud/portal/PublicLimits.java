package org.ombud.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public pages, per address and per contact: a token bucket for each key, refilled evenly
 * over its window, kept in a bounded cache that forgets keys nobody used for a while. The limits hold per node.
 */
@Component
@EnableConfigurationProperties(PublicLimits.Settings.class)
class PublicLimits {

	/** What a limit guards, with the window its count is spread over. */
	enum Door {
		/** Sending the complaint form, per address. */
		FORM(Duration.ofHours(1)),
		/** Complaints from one e-mail address or phone number, whichever address they come from. */
		CONTACT(Duration.ofHours(1)),
		/** Looking a case up by number and e-mail, per address. */
		LOOKUP(Duration.ofMinutes(10)),
		/** Opening status pages and their files, per address. */
		STATUS(Duration.ofMinutes(10)),
		/** Writing again on a status page, per address. */
		STATUS_MESSAGE(Duration.ofHours(1));

		final Duration window;

		Door(Duration window) {
			this.window = window;
		}
	}

	/** {@code ombud.portal.limits.*}: how many requests each door takes in its window. */
	@ConfigurationProperties("ombud.portal.limits")
	record Settings(Integer formPerAddress, Integer formPerContact, Integer lookupPerAddress, Integer statusPerAddress,
			Integer statusMessagesPerAddress) {

		Settings {
			formPerAddress = formPerAddress == null ? 20 : formPerAddress;
			formPerContact = formPerContact == null ? 5 : formPerContact;
			lookupPerAddress = lookupPerAddress == null ? 20 : lookupPerAddress;
			statusPerAddress = statusPerAddress == null ? 600 : statusPerAddress;
			statusMessagesPerAddress = statusMessagesPerAddress == null ? 30 : statusMessagesPerAddress;
		}

		int capacity(Door door) {
			return switch (door) {
				case FORM -> formPerAddress;
				case CONTACT -> formPerContact;
				case LOOKUP -> lookupPerAddress;
				case STATUS -> statusPerAddress;
				case STATUS_MESSAGE -> statusMessagesPerAddress;
			};
		}
	}

	private final Settings settings;

	private final TimeMeter time;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	PublicLimits(Settings settings, Clock clock) {
		this.settings = settings;
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
	}

	/** Takes one request through {@code door} for {@code key}; when refused, says how long to wait. */
	Duration take(Door door, String key) {
		int capacity = settings.capacity(door);
		Bucket bucket = buckets.get(door.name() + ':' + key,
				k -> Bucket.builder()
					.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, door.window))
					.withCustomTimePrecision(time)
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/** The same, as an exception for pages that show nothing but the refusal. */
	void require(Door door, String key) {
		Duration wait = take(door, key);
		if (!wait.isZero()) {
			throw new TooManyRequests(wait);
		}
	}

	/** Whole minutes to tell a person, at least one. */
	static long minutes(Duration wait) {
		return Math.max(1, (wait.toSeconds() + 59) / 60);
	}

	/** A request over its limit: answered with 429 and {@code Retry-After}, nothing done. */
	static final class TooManyRequests extends RuntimeException {

		final Duration wait;

		TooManyRequests(Duration wait) {
			super(null, null, false, false);
			this.wait = wait;
		}
	}
}
