package org.ombud.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.ombud.cases.CaseStatus;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns values into what an agent reads: times in the desk's zone, ages ("3 h"), refusals in the agent's
 * language. Templates reach it as {@code @consoleFormat}.
 */
@Component("consoleFormat")
class ConsoleFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	ConsoleFormat(MessageSource messages, Clock clock, @Value("${ombud.console.zone:UTC}") ZoneId zone) {
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(zone));
	}

	public String iso(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	/** A file size in whole kilobytes, at least 1. */
	public long kilobytes(long bytes) {
		return Math.max(1, (bytes + 1023) / 1024);
	}

	public String zone() {
		return zone.getId();
	}

	/** How long ago, in the largest unit that fits: minutes under an hour, hours under two days, else days. */
	public String age(Instant since, Locale locale) {
		if (since == null) {
			return "";
		}
		Duration age = Duration.between(since, clock.instant());
		if (age.isNegative()) {
			age = Duration.ZERO;
		}
		if (age.toMinutes() < 60) {
			return message("console.age.minutes", locale, age.toMinutes());
		}
		if (age.toHours() < 48) {
			return message("console.age.hours", locale, age.toHours());
		}
		return message("console.age.days", locale, age.toDays());
	}

	String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	FormErrors errors(Rejected rejected, Locale locale) {
		return new FormErrors(rejected.rejections()
			.stream()
			.map(r -> new FormErrors.Item(r.field(), message(r, locale)))
			.toList());
	}

	FormErrors error(String field, String key, Locale locale, Object... args) {
		return new FormErrors(List.of(new FormErrors.Item(field, message(key, locale, args))));
	}

	private String message(Rejection rejection, Locale locale) {
		Object[] args = rejection.args().toArray();
		if ("error.case.transition".equals(rejection.messageKey())) {
			// the rule names statuses by their code; the agent reads them in their own language
			for (int i = 0; i < args.length; i++) {
				args[i] = statusLabel(String.valueOf(args[i]), locale);
			}
		}
		return message(rejection.messageKey(), locale, args);
	}

	String statusLabel(String code, Locale locale) {
		try {
			return message(CaseStatus.valueOf(code).messageKey(), locale);
		}
		catch (IllegalArgumentException e) {
			return code;
		}
	}
}
