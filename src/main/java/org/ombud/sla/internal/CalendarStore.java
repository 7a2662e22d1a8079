package org.ombud.sla.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ombud.shared.ShortLivedCache;
import org.ombud.shared.SqlTime;
import org.ombud.sla.BusinessCalendar;
import org.ombud.sla.SlaCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Business calendars in SQL: the calendar, its weekly hours and its holidays; kept a few seconds. */
@Repository
public class CalendarStore {

	private final JdbcClient jdbc;

	private final ShortLivedCache<List<SlaCalendar>> all = new ShortLivedCache<>(Duration.ofSeconds(5));

	CalendarStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<SlaCalendar> all() {
		return all.get(this::read);
	}

	public Optional<SlaCalendar> byId(long id) {
		return all().stream().filter(c -> c.id() == id).findFirst();
	}

	private List<SlaCalendar> read() {
		record Head(long id, String name, String zone) {
		}
		List<Head> heads = jdbc.sql("select id, name, zone from sla_calendars order by name, id")
			.query((rs, n) -> new Head(rs.getLong("id"), rs.getString("name"), rs.getString("zone")))
			.list();
		Map<Long, Map<DayOfWeek, List<BusinessCalendar.Hours>>> weeks = new java.util.HashMap<>();
		jdbc.sql("select calendar_id, day_of_week, opens_minute, closes_minute from sla_calendar_hours order by calendar_id, day_of_week, opens_minute")
			.query(rs -> {
				weeks.computeIfAbsent(rs.getLong("calendar_id"), k -> new EnumMap<>(DayOfWeek.class))
					.computeIfAbsent(DayOfWeek.of(rs.getInt("day_of_week")), k -> new ArrayList<>())
					.add(new BusinessCalendar.Hours(time(rs.getInt("opens_minute")), time(rs.getInt("closes_minute"))));
			});
		Map<Long, List<SlaCalendar.Holiday>> holidays = new java.util.HashMap<>();
		jdbc.sql("select calendar_id, holiday_date, name from sla_holidays order by calendar_id, holiday_date").query(rs -> {
			holidays.computeIfAbsent(rs.getLong("calendar_id"), k -> new ArrayList<>())
				.add(new SlaCalendar.Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name")));
		});
		return heads.stream()
			.map(h -> new SlaCalendar(h.id(), h.name(), ZoneId.of(h.zone()), weeks.getOrDefault(h.id(), Map.of()),
					holidays.getOrDefault(h.id(), List.of())))
			.toList();
	}

	public long insert(String name, ZoneId zone, Instant at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into sla_calendars (name, zone, created_at) values (?, ?, ?)")
			.params(name, zone.getId(), SqlTime.param(at))
			.update(keys, "id");
		all.invalidate();
		return keys.getKey().longValue();
	}

	/** Replaces a calendar's name, zone, hours and holidays. */
	public void replace(long id, String name, ZoneId zone, Map<DayOfWeek, List<BusinessCalendar.Hours>> week,
			List<SlaCalendar.Holiday> holidays) {
		jdbc.sql("update sla_calendars set name = ?, zone = ? where id = ?").params(name, zone.getId(), id).update();
		jdbc.sql("delete from sla_calendar_hours where calendar_id = ?").param(id).update();
		jdbc.sql("delete from sla_holidays where calendar_id = ?").param(id).update();
		week.forEach((day, hours) -> hours.forEach(h -> jdbc
			.sql("insert into sla_calendar_hours (calendar_id, day_of_week, opens_minute, closes_minute) values (?, ?, ?, ?)")
			.params(id, day.getValue(), minute(h.from(), false), minute(h.to(), true))
			.update()));
		holidays.forEach(h -> jdbc.sql("insert into sla_holidays (calendar_id, holiday_date, name) values (?, ?, ?)")
			.params(id, h.day(), h.name())
			.update());
		all.invalidate();
	}

	private static LocalTime time(int minute) {
		return minute >= 1440 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
	}

	private static int minute(LocalTime time, boolean end) {
		return end && time.equals(LocalTime.MIDNIGHT) ? 1440 : time.getHour() * 60 + time.getMinute();
	}
}
