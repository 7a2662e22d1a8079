package org.ombud.sla;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Reads the SLA clocks for the rows a console or the API shows. */
public interface SlaClocks {

	/** The current first-reply clock (running, or the latest one) of each conversation that has one. */
	Map<Long, ClockView> firstReplyClocks(Collection<Long> conversationIds);

	/** The clocks of each case that is on a clock, the one due soonest first. */
	Map<Long, List<ClockView>> caseClocks(Collection<Long> caseIds);
}
