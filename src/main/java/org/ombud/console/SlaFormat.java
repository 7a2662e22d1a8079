package org.ombud.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.ombud.sla.ClockView;
import org.springframework.stereotype.Component;

/**
 * SLA clocks in words and colours: "12 min", "3 h", "overdue 5 min", "paused"; the row's class by the clock's
 * level now (amber at the warning, red once due). Templates reach it as {@code @slaFormat}.
 */
@Component("slaFormat")
class SlaFormat {

	private final ConsoleFormat format;

	private final Clock clock;

	SlaFormat(ConsoleFormat format, Clock clock) {
		this.format = format;
		this.clock = clock;
	}

	/** The clock's level now, or null without a clock. */
	public ClockView.Level level(ClockView clock) {
		return clock == null ? null : clock.level(this.clock.instant());
	}

	/** The CSS class of a row or badge: {@code sla-OK}, {@code sla-WARNING}, {@code sla-BREACHED}… */
	public String css(ClockView clock) {
		return clock == null ? "sla-NONE" : "sla-" + level(clock).name();
	}

	public String timeLeft(ClockView clock, Locale locale) {
		if (clock == null) {
			return "—";
		}
		ClockView.Level level = level(clock);
		if (level == ClockView.Level.PAUSED) {
			return format.message("sla.left.paused", locale, amount(clock.timeLeft(this.clock.instant()).abs(), locale));
		}
		if (level == ClockView.Level.DONE) {
			return format.message("sla.left.met", locale);
		}
		if (clock.state() == ClockView.State.BREACHED && clock.dueAt() == null) {
			return format.message("sla.left.breached", locale);
		}
		Duration left = clock.timeLeft(this.clock.instant());
		return left.isNegative() ? format.message("sla.left.overdue", locale, overdue(left.negated(), locale))
				: amount(left, locale);
	}

	/** How late, rounded down (but at least a minute): "overdue 5 min" for five minutes and some seconds. */
	String overdue(Duration d, Locale locale) {
		return amount(Duration.ofMinutes(Math.max(1, d.toMinutes())), locale);
	}

	/** A duration in the largest unit that fits, rounded up so "less than a minute" still reads "1 min". */
	String amount(Duration d, Locale locale) {
		long minutes = (d.toSeconds() + 59) / 60;
		if (minutes < 60) {
			return format.message("sla.minutes", locale, minutes);
		}
		if (minutes < 48 * 60) {
			return format.message("sla.hours", locale, minutes / 60);
		}
		return format.message("sla.days", locale, minutes / (24 * 60));
	}

	public String stage(ClockView.Stage stage, Locale locale) {
		return format.message("sla.stage." + stage.name(), locale);
	}

	/** An ISO duration's target as an agent reads it ("24 h"). */
	public String target(Duration target, Locale locale) {
		return target.isZero() ? format.message("sla.immediate", locale) : amount(target, locale);
	}
}
