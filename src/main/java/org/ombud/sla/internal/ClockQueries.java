package org.ombud.sla.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ombud.sla.BreachView;
import org.ombud.sla.ClockView;
import org.ombud.sla.SlaClocks;
import org.ombud.sla.internal.ClockRow.SubjectKind;
import org.springframework.stereotype.Service;

/** Reads clocks for the console and the API: one query per call however many rows ask. */
@Service
class ClockQueries implements SlaClocks {

	/** Counting first (soonest due first), then paused, then the finished ones, newest first. */
	static final Comparator<ClockRow> ORDER = Comparator.comparingInt(ClockQueries::rank)
		.thenComparing(c -> c.running() ? c.dueAt() : Instant.MAX)
		.thenComparing(Comparator.comparingLong(ClockRow::id).reversed());

	private final ClockStore clocks;

	private final BreachStore breaches;

	ClockQueries(ClockStore clocks, BreachStore breaches) {
		this.clocks = clocks;
		this.breaches = breaches;
	}

	@Override
	public Map<Long, ClockView> firstReplyClocks(Collection<Long> conversationIds) {
		Map<Long, ClockView> result = new HashMap<>();
		clocks.latestFirstReply(distinct(conversationIds)).forEach(c -> result.put(c.subjectId(), c.view()));
		return result;
	}

	@Override
	public Map<Long, List<ClockView>> caseClocks(Collection<Long> caseIds) {
		Map<Long, List<ClockRow>> rows = new HashMap<>();
		clocks.bySubjects(SubjectKind.CASE, distinct(caseIds))
			.forEach(c -> rows.computeIfAbsent(c.subjectId(), k -> new ArrayList<>()).add(c));
		Map<Long, List<ClockView>> result = new HashMap<>();
		rows.forEach((id, list) -> result.put(id, list.stream().sorted(ORDER).map(ClockRow::view).toList()));
		return result;
	}

	@Override
	public List<Long> caseIdsByTimeLeft(Long teamId, int limit) {
		return clocks.caseIdsByDue(teamId, limit);
	}

	@Override
	public List<BreachView> caseBreaches(long caseId, long conversationId, Instant openedAt) {
		return breaches.ofCase(caseId, conversationId, openedAt);
	}

	private static int rank(ClockRow c) {
		if (c.running()) {
			return 0;
		}
		return c.state() == ClockView.State.PAUSED ? 1 : 2;
	}

	private static List<Long> distinct(Collection<Long> ids) {
		return ids.stream().distinct().toList();
	}
}
