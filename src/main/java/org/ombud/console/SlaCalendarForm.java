package org.ombud.console;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Map;

import org.ombud.sla.SlaCalendar;
import org.ombud.sla.SlaCalendarDraft;

/** A calendar as the admin form sends it: name, zone, one text field of hours per weekday, holidays as lines. */
record SlaCalendarForm(String name, String zone, String hours1, String hours2, String hours3, String hours4,
		String hours5, String hours6, String hours7, String holidays) {

	static SlaCalendarForm empty() {
		return new SlaCalendarForm("", "Europe/Moscow", "09:00-18:00", "09:00-18:00", "09:00-18:00", "09:00-18:00",
				"09:00-18:00", "", "", "");
	}

	static SlaCalendarForm of(SlaCalendar c) {
		return new SlaCalendarForm(c.name(), c.zone().getId(), c.hoursText(DayOfWeek.MONDAY),
				c.hoursText(DayOfWeek.TUESDAY), c.hoursText(DayOfWeek.WEDNESDAY), c.hoursText(DayOfWeek.THURSDAY),
				c.hoursText(DayOfWeek.FRIDAY), c.hoursText(DayOfWeek.SATURDAY), c.hoursText(DayOfWeek.SUNDAY),
				c.holidaysText());
	}

	/** The hours typed for a weekday, 1 = Monday … 7 = Sunday. */
	public String hours(int day) {
		return switch (day) {
			case 1 -> hours1;
			case 2 -> hours2;
			case 3 -> hours3;
			case 4 -> hours4;
			case 5 -> hours5;
			case 6 -> hours6;
			default -> hours7;
		};
	}

	SlaCalendarDraft draft() {
		Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek d : DayOfWeek.values()) {
			String text = hours(d.getValue());
			if (text != null) {
				hours.put(d, text);
			}
		}
		return new SlaCalendarDraft(name, zone, hours, holidays);
	}
}
