package org.ombud.console;

import java.util.Arrays;
import java.util.Map;

import org.ombud.cases.CaseStatus;
import org.ombud.cases.QueueFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queue's filters as typed in the URL. Every value is text and anything unreadable counts as "not
 * filtered", so a hand-edited URL never fails. {@code status} empty means the open cases, {@code all} means
 * every status; {@code assignee} is empty (anyone), {@code me}, {@code none} or an agent id; {@code sort} empty
 * (newest first) or {@code due} (by SLA time left).
 */
record QueueForm(String team, String status, String category, String assignee, String q, String sort, String page) {

	/** {@code sort=due}: the case whose clock runs out soonest first; otherwise newest first. */
	static final String BY_TIME_LEFT = "due";

	static final int PAGE_SIZE = 50;

	static final int MAX_TEXT = 200;

	QueueForm {
		team = blankToEmpty(team);
		status = blankToEmpty(status);
		category = blankToEmpty(category);
		assignee = blankToEmpty(assignee);
		q = blankToEmpty(q).strip();
		if (q.length() > MAX_TEXT) {
			q = q.substring(0, MAX_TEXT);
		}
		sort = BY_TIME_LEFT.equals(sort) ? BY_TIME_LEFT : "";
		page = blankToEmpty(page);
	}

	boolean byTimeLeft() {
		return BY_TIME_LEFT.equals(sort);
	}

	QueueFilter filter(long me) {
		CaseStatus chosen = Arrays.stream(CaseStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		Long assigneeId = switch (assignee) {
			case "me" -> me;
			case "none" -> 0L;
			default -> positive(assignee);
		};
		return new QueueFilter(positive(team), chosen, positive(category), assigneeId, q.isEmpty() ? null : q,
				chosen == null && !"all".equals(status));
	}

	/** The page number as people count, from 1. */
	int pageNumber() {
		Long n = positive(page);
		return n == null || n > 100_000 ? 1 : n.intValue();
	}

	/** This queue's URL at another page. */
	public String url(int pageNumber) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/cases");
		Map.of("team", team, "status", status, "category", category, "assignee", assignee, "q", q, "sort", sort)
			.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.filter(e -> !e.getValue().isEmpty())
			.forEach(e -> uri.queryParam(e.getKey(), e.getValue()));
		if (pageNumber > 1) {
			uri.queryParam("page", pageNumber);
		}
		return uri.encode().build().toUriString();
	}

	private static Long positive(String text) {
		if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
			return null;
		}
		long value = Long.parseLong(text);
		return value > 0 ? value : null;
	}

	private static String blankToEmpty(String s) {
		return s == null || s.isBlank() ? "" : s;
	}
}
