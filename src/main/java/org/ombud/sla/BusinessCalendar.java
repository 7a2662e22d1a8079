package org.ombud.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a team works: opening hours per weekday in a time zone, and holidays when it does not. Adds business
 * time to an instant and measures business time between two instants; calendar time is the special case
 * {@link #ALWAYS}. Wall-clock hours are read in the calendar's zone, so a day that changes to or from summer
 * time has the hours its clock shows.
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Hours>> week, Set<LocalDate> holidays) {

	/** Opening hours on one day, {@code from} inclusive to {@code to} exclusive; {@code to} of midnight means end of day. */
	public record Hours(LocalTime from, LocalTime to) {

		public Hours {
			if (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to)) {
				throw new IllegalArgumentException("opening hours must start before they end: " + from + "-" + to);
			}
		}

		ZonedDateTime start(LocalDate day, ZoneId zone) {
			return day.atTime(from).atZone(zone);
		}

		ZonedDateTime end(LocalDate day, ZoneId zone) {
			return to.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone) : day.atTime(to).atZone(zone);
		}
	}

	/** Around the clock, every day: calendar time. */
	public static final BusinessCalendar ALWAYS = weekly(ZoneId.of("UTC"), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
			Set.of(DayOfWeek.values()), Set.of());

	// no calendar has a working minute in a whole year without hours: stop looking rather than loop forever
	private static final int MAX_DAYS_SEARCHED = 3660;

	public BusinessCalendar {
		Map<DayOfWeek, List<Hours>> copy = new EnumMap<>(DayOfWeek.class);
		week.forEach((day, hours) -> copy.put(day, hours.stream().sorted((a, b) -> a.from().compareTo(b.from())).toList()));
		week = Map.copyOf(copy);
		holidays = Set.copyOf(holidays);
	}

	/** The same hours on each of the given days. */
	public static BusinessCalendar weekly(ZoneId zone, LocalTime from, LocalTime to, Set<DayOfWeek> days,
			Set<LocalDate> holidays) {
		Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
		days.forEach(d -> week.put(d, List.of(new Hours(from, to))));
		return new BusinessCalendar(zone, week, holidays);
	}

	/** Whether the team is at work at this instant. */
	public boolean isOpen(Instant instant) {
		ZonedDateTime at = instant.atZone(zone);
		LocalDate day = at.toLocalDate();
		return hoursOn(day).stream().anyMatch(h -> !at.isBefore(h.start(day, zone)) && at.isBefore(h.end(day, zone)));
	}

	/** The instant when {@code amount} of business time has passed after {@code start}. */
	public Instant add(Instant start, Duration amount) {
		if (amount.isNegative()) {
			throw new IllegalArgumentException("negative duration");
		}
		Duration left = amount;
		LocalDate day = start.atZone(zone).toLocalDate();
		for (int i = 0; i < MAX_DAYS_SEARCHED; i++, day = day.plusDays(1)) {
			for (Hours h : hoursOn(day)) {
				Instant from = max(start, h.start(day, zone).toInstant());
				Instant to = h.end(day, zone).toInstant();
				if (!from.isBefore(to)) {
					continue;
				}
				Duration open = Duration.between(from, to);
				if (left.compareTo(open) <= 0) {
					return from.plus(left);
				}
				left = left.minus(open);
			}
		}
		throw new IllegalStateException("calendar has no working time within ten years");
	}

	/** How much business time lies between two instants (zero when {@code to} is not after {@code from}). */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate last = to.atZone(zone).toLocalDate();
		for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
			for (Hours h : hoursOn(day)) {
				Instant a = max(from, h.start(day, zone).toInstant());
				Instant b = min(to, h.end(day, zone).toInstant());
				if (a.isBefore(b)) {
					total = total.plus(Duration.between(a, b));
				}
			}
		}
		return total;
	}

	private List<Hours> hoursOn(LocalDate day) {
		return holidays.contains(day) ? List.of() : week.getOrDefault(day.getDayOfWeek(), List.of());
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}
}
