package org.ombud.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A stored business calendar: its name, zone, weekly hours and holidays. */
public record SlaCalendar(long id, String name, ZoneId zone, Map<DayOfWeek, List<BusinessCalendar.Hours>> week,
		List<Holiday> holidays) {

	public record Holiday(LocalDate day, String name) {
	}

	public SlaCalendar {
		week = Map.copyOf(week);
		holidays = List.copyOf(holidays);
	}

	public BusinessCalendar businessCalendar() {
		return new BusinessCalendar(zone, week, holidays.stream().map(Holiday::day).collect(Collectors.toSet()));
	}

	/** One day's hours as the admin form shows them: {@code 09:00-13:00, 14:00-18:00}, empty when closed. */
	public String hoursText(DayOfWeek day) {
		return week.getOrDefault(day, List.of())
			.stream()
			.map(h -> h.from() + "-" + (h.to().equals(java.time.LocalTime.MIDNIGHT) ? "24:00" : h.to().toString()))
			.collect(Collectors.joining(", "));
	}

	/** The holidays as the admin form shows them: one per line, {@code 2026-01-01 New Year}. */
	public String holidaysText() {
		return holidays.stream()
			.map(h -> h.day() + (h.name() == null ? "" : " " + h.name()))
			.collect(Collectors.joining("\n"));
	}
}
