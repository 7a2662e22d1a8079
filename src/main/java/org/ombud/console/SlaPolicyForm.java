package org.ombud.console;

import java.util.ArrayList;
import java.util.List;

import org.ombud.cases.Priority;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.ombud.sla.SlaPolicy;
import org.ombud.sla.SlaPolicyDraft;

/**
 * A policy as the admin form sends it: every value as text (empty = any / no target / 75 %), checkboxes present
 * or absent. Unreadable numbers are refused with the field they concern.
 */
record SlaPolicyForm(String name, String position, String channel, String categoryId, String priority,
		String organisationId, String businessTime, String calendarId, String firstReplyMinutes,
		String firstReplyWarnMinutes, String acknowledgement, String triageMinutes, String triageWarnMinutes,
		String investigationMinutes, String investigationWarnMinutes, String resultMinutes, String resultWarnMinutes,
		String notifyLead, String raisePriority) {

	static SlaPolicyForm empty() {
		return new SlaPolicyForm("", "100", "", "", "", "", null, "", "15", "10", "on", "1440", "", "2880", "",
				"4320", "", "on", null);
	}

	static SlaPolicyForm of(SlaPolicy p) {
		return new SlaPolicyForm(p.name(), String.valueOf(p.position()), text(p.channel()), text(p.categoryId()),
				p.priority() == null ? "" : p.priority().name(), text(p.organisationId()), p.businessTime() ? "on" : null,
				text(p.calendarId()), minutes(p.firstReply(), false), minutes(p.firstReply(), true),
				p.acknowledgement() ? "on" : null, minutes(p.triage(), false), minutes(p.triage(), true),
				minutes(p.investigation(), false), minutes(p.investigation(), true), minutes(p.result(), false),
				minutes(p.result(), true), p.notifyLead() ? "on" : null, p.raisePriority() ? "on" : null);
	}

	SlaPolicyDraft draft() {
		List<Rejection> problems = new ArrayList<>();
		Integer position = number("position", position(), problems);
		Long category = id("categoryId", categoryId, problems);
		Long organisation = id("organisationId", organisationId, problems);
		Long calendar = id("calendarId", calendarId, problems);
		Priority prio = null;
		if (priority != null && !priority.isBlank()) {
			try {
				prio = Priority.valueOf(priority);
			}
			catch (IllegalArgumentException e) {
				problems.add(Rejection.of("priority", "error.required"));
			}
		}
		SlaPolicyDraft draft = new SlaPolicyDraft(name == null ? null : name.strip(), position,
				channel == null || channel.isBlank() ? null : channel.strip(), category, prio, organisation,
				checked(businessTime), calendar, number("firstReplyMinutes", firstReplyMinutes, problems),
				number("firstReplyWarnMinutes", firstReplyWarnMinutes, problems), checked(acknowledgement),
				number("triageMinutes", triageMinutes, problems), number("triageWarnMinutes", triageWarnMinutes, problems),
				number("investigationMinutes", investigationMinutes, problems),
				number("investigationWarnMinutes", investigationWarnMinutes, problems),
				number("resultMinutes", resultMinutes, problems), number("resultWarnMinutes", resultWarnMinutes, problems),
				checked(notifyLead), checked(raisePriority));
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		return draft;
	}

	public boolean checked(String value) {
		return value != null && !value.isEmpty() && !"false".equals(value);
	}

	private static Integer number(String field, String text, List<Rejection> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
			problems.add(Rejection.of(field, "error.sla.number"));
			return null;
		}
		return Integer.parseInt(t);
	}

	private static Long id(String field, String text, List<Rejection> problems) {
		Integer n = number(field, text, problems);
		return n == null ? null : n.longValue();
	}

	private static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	private static String minutes(SlaPolicy.Target target, boolean warning) {
		if (target == null) {
			return "";
		}
		if (warning) {
			return target.warnAfter() == null ? "" : String.valueOf(target.warnAfter().toMinutes());
		}
		return String.valueOf(target.target().toMinutes());
	}
}
