package org.ombud.sla;

import org.ombud.cases.Priority;

/** What an admin types for a policy; durations in minutes, null for "no target" or "75 %" (warnings). */
public record SlaPolicyDraft(String name, Integer position, String channel, Long categoryId, Priority priority,
		Long organisationId, boolean businessTime, Long calendarId, Integer firstReplyMinutes,
		Integer firstReplyWarnMinutes, boolean acknowledgement, Integer triageMinutes, Integer triageWarnMinutes,
		Integer investigationMinutes, Integer investigationWarnMinutes, Integer resultMinutes,
		Integer resultWarnMinutes, boolean notifyLead, boolean raisePriority) {
}
