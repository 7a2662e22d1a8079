package org.ombud.sla;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.ombud.sla.internal.CalendarStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Business calendars an admin keeps: zone, weekly hours, holidays. */
@Service
public class SlaCalendars {

	public static final int MAX_HOLIDAYS = 500;

	private static final Pattern INTERVAL = Pattern.compile("\\s*(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s*");

	private static final Pattern HOLIDAY = Pattern.compile("\\s*(\\d{4}-\\d{2}-\\d{2})(?:\\s+(.*))?");

	private final CalendarStore store;

	private final Clock clock;

	SlaCalendars(CalendarStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public List<SlaCalendar> all() {
		return store.all();
	}

	public Optional<SlaCalendar> get(long id) {
		return store.byId(id);
	}

	@Transactional
	public SlaCalendar create(SlaCalendarDraft draft) {
		Parsed parsed = parse(draft);
		long id = store.insert(parsed.name(), parsed.zone(), clock.instant());
		store.replace(id, parsed.name(), parsed.zone(), parsed.week(), parsed.holidays());
		return store.byId(id).orElseThrow();
	}

	@Transactional
	public SlaCalendar update(long id, SlaCalendarDraft draft) {
		store.byId(id).orElseThrow(() -> new NotFound("calendar"));
		Parsed parsed = parse(draft);
		store.replace(id, parsed.name(), parsed.zone(), parsed.week(), parsed.holidays());
		return store.byId(id).orElseThrow();
	}

	record Parsed(String name, ZoneId zone, Map<DayOfWeek, List<BusinessCalendar.Hours>> week,
			List<SlaCalendar.Holiday> holidays) {
	}

	static Parsed parse(SlaCalendarDraft d) {
		List<Rejection> problems = new ArrayList<>();
		if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
			problems.add(Rejection.of("name", "error.length", 1, 200));
		}
		ZoneId zone = null;
		try {
			zone = ZoneId.of(d.zone() == null ? "" : d.zone().strip());
		}
		catch (DateTimeException e) {
			problems.add(Rejection.of("zone", "error.sla.zone"));
		}
		Map<DayOfWeek, List<BusinessCalendar.Hours>> week = new EnumMap<>(DayOfWeek.class);
		boolean anyHours = false;
		for (DayOfWeek day : DayOfWeek.values()) {
			String text = d.hours() == null ? null : d.hours().get(day);
			if (text == null || text.isBlank()) {
				continue;
			}
			List<BusinessCalendar.Hours> hours = hours(text);
			if (hours == null) {
				problems.add(Rejection.of("hours" + day.getValue(), "error.sla.hours"));
			}
			else {
				week.put(day, hours);
				anyHours = true;
			}
		}
		if (!anyHours && problems.stream().noneMatch(p -> p.field().startsWith("hours"))) {
			problems.add(Rejection.of("hours1", "error.sla.noHours"));
		}
		List<SlaCalendar.Holiday> holidays = new ArrayList<>();
		Set<LocalDate> seen = new HashSet<>();
		String text = d.holidays() == null ? "" : d.holidays();
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			Matcher m = HOLIDAY.matcher(line);
			LocalDate day = null;
			if (m.matches()) {
				try {
					day = LocalDate.parse(m.group(1));
				}
				catch (DateTimeParseException e) {
					day = null;
				}
			}
			String name = m.matches() && m.group(2) != null && !m.group(2).isBlank() ? m.group(2).strip() : null;
			if (day == null || (name != null && name.length() > 200)) {
				problems.add(Rejection.of("holidays", "error.sla.holiday", line.strip()));
				break;
			}
			if (seen.add(day)) {
				holidays.add(new SlaCalendar.Holiday(day, name));
			}
		}
		if (holidays.size() > MAX_HOLIDAYS) {
			problems.add(Rejection.of("holidays", "error.sla.holidays", MAX_HOLIDAYS));
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		return new Parsed(d.name().strip(), zone, week, holidays);
	}

	/** {@code 09:00-13:00, 14:00-18:00}: intervals in order, not overlapping; null when unreadable. */
	static List<BusinessCalendar.Hours> hours(String text) {
		List<BusinessCalendar.Hours> result = new ArrayList<>();
		LocalTime lastEnd = null;
		for (String part : text.split(",")) {
			Matcher m = INTERVAL.matcher(part);
			if (!m.matches()) {
				return null;
			}
			LocalTime from = time(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), false);
			LocalTime to = time(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), true);
			if (from == null || to == null || (!to.equals(LocalTime.MIDNIGHT) && !from.isBefore(to))
					|| (lastEnd != null && (lastEnd.equals(LocalTime.MIDNIGHT) || from.isBefore(lastEnd)))) {
				return null;
			}
			result.add(new BusinessCalendar.Hours(from, to));
			lastEnd = to;
		}
		return result;
	}

	private static LocalTime time(int hour, int minute, boolean end) {
		if (end && hour == 24 && minute == 0) {
			return LocalTime.MIDNIGHT;
		}
		if (hour > 23 || minute > 59) {
			return null;
		}
		LocalTime t = LocalTime.of(hour, minute);
		return end && t.equals(LocalTime.MIDNIGHT) ? null : t;
	}
}
