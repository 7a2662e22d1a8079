package org.ombud.sla;

import java.time.DayOfWeek;
import java.util.Map;

/**
 * What an admin types for a calendar: a name, a time zone id, each weekday's hours as text
 * ({@code 09:00-13:00, 14:00-18:00}, empty for closed, {@code 24:00} for the end of the day) and holidays, one
 * per line ({@code 2026-01-01} optionally followed by a name).
 */
public record SlaCalendarDraft(String name, String zone, Map<DayOfWeek, String> hours, String holidays) {
}
