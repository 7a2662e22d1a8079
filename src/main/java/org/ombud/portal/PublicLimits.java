package org.ombud.portal;

import java.time.Clock;
import java.time.Duration;

import org.ombud.shared.Throttle;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public pages, per address and per contact: a {@link Throttle} for each door. The limits
 * hold per node.
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

	private final java.util.Map<Door, Throttle> throttles = new java.util.EnumMap<>(Door.class);

	PublicLimits(Settings settings, Clock clock) {
		for (Door door : Door.values()) {
			throttles.put(door, new Throttle(settings.capacity(door), door.window, clock));
		}
	}

	/** Takes one request through {@code door} for {@code key}; when refused, says how long to wait. */
	Duration take(Door door, String key) {
		return throttles.get(door).take(key);
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
		return Throttle.minutes(wait);
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
