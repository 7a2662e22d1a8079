package org.ombud.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the SLA clocks for the rows a console or the API shows. */
public interface SlaClocks {

	/** The current first-reply clock (running, or the latest one) of each conversation that has one. */
	Map<Long, ClockView> firstReplyClocks(Collection<Long> conversationIds);

	/** The clocks of each case that is on a clock, the one due soonest first. */
	Map<Long, List<ClockView>> caseClocks(Collection<Long> caseIds);

	/**
	 * Cases with a running clock, the one due soonest first (at most {@code limit}); {@code teamId} null for every
	 * team. An index scan on the running clocks by due time.
	 */
	List<Long> caseIdsByTimeLeft(Long teamId, int limit);

	/**
	 * The breaches of a case: of its own stage clocks, and of its conversation's first-reply clocks noticed since
	 * {@code openedAt}.
	 */
	List<BreachView> caseBreaches(long caseId, long conversationId, Instant openedAt);
}
