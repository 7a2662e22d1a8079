package org.ombud.sla;

import static java.time.DayOfWeek.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

	static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	// 2026-11-20 is a Friday; 2026-11-23 a Monday, made a holiday in one calendar
	static final BusinessCalendar OFFICE = BusinessCalendar.weekly(MOSCOW, LocalTime.of(9, 0), LocalTime.of(18, 0),
			Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), Set.of());

	static final BusinessCalendar OFFICE_WITH_HOLIDAY = BusinessCalendar.weekly(MOSCOW, LocalTime.of(9, 0),
			LocalTime.of(18, 0), Set.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), Set.of(LocalDate.of(2026, 11, 23)));

	static Instant moscow(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
	}

	@Test
	void addsWithinOneDay() {
		assertThat(OFFICE.add(moscow("2026-11-19T10:00"), Duration.ofHours(3))).isEqualTo(moscow("2026-11-19T13:00"));
	}

	@Test
	void carriesOverTheWeekend() {
		// Friday 16:00 + 4 business hours: 2 on Friday, 2 on Monday
		assertThat(OFFICE.add(moscow("2026-11-20T16:00"), Duration.ofHours(4))).isEqualTo(moscow("2026-11-23T11:00"));
	}

	@Test
	void skipsAHolidayAfterTheWeekend() {
		assertThat(OFFICE_WITH_HOLIDAY.add(moscow("2026-11-20T16:00"), Duration.ofHours(4)))
			.isEqualTo(moscow("2026-11-24T11:00"));
	}

	@Test
	void startsAtOpeningWhenStartedOutsideHours() {
		assertThat(OFFICE.add(moscow("2026-11-21T12:00"), Duration.ofMinutes(15))).isEqualTo(moscow("2026-11-23T09:15"));
		assertThat(OFFICE.add(moscow("2026-11-19T20:00"), Duration.ZERO)).isEqualTo(moscow("2026-11-20T09:00"));
	}

	@Test
	void measuresBusinessTimeAcrossAWeekendAndAHoliday() {
		Instant friday = moscow("2026-11-20T17:00");
		Instant tuesday = moscow("2026-11-24T10:30");
		assertThat(OFFICE.between(friday, tuesday)).isEqualTo(Duration.ofMinutes(60 + 9 * 60 + 90));
		assertThat(OFFICE_WITH_HOLIDAY.between(friday, tuesday)).isEqualTo(Duration.ofMinutes(60 + 90));
		assertThat(OFFICE.between(tuesday, friday)).isZero();
	}

	@Test
	void addAndBetweenAgree() {
		Instant start = moscow("2026-11-18T11:11");
		for (long minutes : new long[] { 1, 59, 540, 541, 3000, 10_000 }) {
			Instant due = OFFICE_WITH_HOLIDAY.add(start, Duration.ofMinutes(minutes));
			assertThat(OFFICE_WITH_HOLIDAY.between(start, due)).as(minutes + " min").isEqualTo(Duration.ofMinutes(minutes));
		}
	}

	@Test
	void calendarTimeIsAlwaysOpen() {
		Instant start = Instant.parse("2026-11-21T23:59:00Z");
		assertThat(BusinessCalendar.ALWAYS.add(start, Duration.ofHours(48))).isEqualTo(start.plus(Duration.ofHours(48)));
		assertThat(BusinessCalendar.ALWAYS.between(start, start.plusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
		assertThat(BusinessCalendar.ALWAYS.isOpen(start)).isTrue();
	}

	@Test
	void followsTheWallClockAcrossSummerTime() {
		// Berlin moves to summer time on 2026-03-29 (a Sunday); a round-the-clock Sunday has 23 hours
		BusinessCalendar sundays = BusinessCalendar.weekly(BERLIN, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of(SUNDAY),
				Set.of());
		Instant start = LocalDate.of(2026, 3, 29).atStartOfDay(BERLIN).toInstant();
		Instant end = LocalDate.of(2026, 3, 30).atStartOfDay(BERLIN).toInstant();
		assertThat(sundays.between(start, end)).isEqualTo(Duration.ofHours(23));
	}

	@Test
	void knowsWhenItIsOpen() {
		assertThat(OFFICE.isOpen(moscow("2026-11-19T09:00"))).isTrue();
		assertThat(OFFICE.isOpen(moscow("2026-11-19T18:00"))).isFalse();
		assertThat(OFFICE.isOpen(moscow("2026-11-21T12:00"))).isFalse();
		assertThat(OFFICE_WITH_HOLIDAY.isOpen(moscow("2026-11-23T12:00"))).isFalse();
	}
}
