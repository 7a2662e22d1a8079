package org.ombud.cases;

import java.time.Instant;

import org.ombud.conversations.Message;
import org.ombud.shared.Actor;

/** One line of a case's history: a change (old → new value), a message or note, or an evidence upload. */
public record TimelineEntry(long id, Instant occurredAt, Actor actor, Kind kind, String oldValue, String newValue,
		Message message, Evidence evidence) {

	public enum Kind {
		OPENED, STATUS, CATEGORY, TEAM, ASSIGNEE, PRIORITY, MESSAGE, REPLY, NOTE, EVIDENCE, ALARM_RAISED, ALARM_CLEARED,
		/** An SLA clock of the case (or its conversation) went past due: old value the stage, new value the due time. */
		SLA_BREACH,
		/** the complainant changed a message on the channel: the old text → the new one */
		MESSAGE_EDITED,
		/** a file the complainant sent that is not accepted as evidence, and why */
		EVIDENCE_REFUSED,
		/** the complainant rated the service, 1 to 5 */
		RATED;

		/** What the complainant sees on the status page. */
		public boolean isPublic() {
			return this == OPENED || this == STATUS || this == MESSAGE || this == REPLY || this == EVIDENCE;
		}
	}
}
