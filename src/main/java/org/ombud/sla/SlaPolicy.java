package org.ombud.sla;

import java.time.Duration;

import org.ombud.cases.Priority;

/**
 * The targets that apply to a conversation or case: chosen by channel, category, priority and organisation (each
 * criterion optional, null meaning any). Each target is optional; a policy counts calendar time, or business time
 * in its calendar. When a clock breaches, the policy says whether the team's lead is told and whether the case's
 * priority goes up one step.
 */
public record SlaPolicy(long id, String name, int position, boolean isDefault, String channel, Long categoryId,
		Priority priority, Long organisationId, boolean businessTime, Long calendarId, Target firstReply,
		boolean acknowledgement, Target triage, Target investigation, Target result, boolean notifyLead,
		boolean raisePriority) {

	/** How long a stage may take, and after how much of it the clock turns amber (null: at 75 %). */
	public record Target(Duration target, Duration warnAfter) {

		public Duration warning() {
			return warnAfter != null ? warnAfter : target.multipliedBy(3).dividedBy(4);
		}
	}

	/** What a policy is matched against: null for what is not known (a chat has no category). */
	public record Circumstances(String channel, Long categoryId, Priority priority, Long organisationId) {
	}

	public boolean matches(Circumstances c) {
		return (channel == null || channel.equals(c.channel()))
				&& (categoryId == null || categoryId.equals(c.categoryId()))
				&& (priority == null || priority == c.priority())
				&& (organisationId == null || organisationId.equals(c.organisationId()));
	}

	/** How many criteria the policy names: among policies at one position the more specific comes first. */
	public int specificity() {
		return (channel == null ? 0 : 1) + (categoryId == null ? 0 : 1) + (priority == null ? 0 : 1)
				+ (organisationId == null ? 0 : 1);
	}

	/** The target for a stage, null when the policy sets none (acknowledgement is immediate: zero). */
	public Target target(ClockView.Stage stage) {
		return switch (stage) {
			case FIRST_REPLY -> firstReply;
			case ACKNOWLEDGEMENT -> acknowledgement ? new Target(Duration.ZERO, null) : null;
			case TRIAGE -> triage;
			case INVESTIGATION -> investigation;
			case RESULT -> result;
		};
	}
}
