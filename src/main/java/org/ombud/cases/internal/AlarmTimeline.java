package org.ombud.cases.internal;

import org.ombud.cases.CaseView;
import org.ombud.cases.TimelineEntry;
import org.ombud.conversations.AlarmCleared;
import org.ombud.conversations.AlarmRaised;
import org.ombud.shared.Actor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Raising and clearing the alarm on a chat land on the timeline of the chat's open cases (internal entries,
 * never on the status page). Heard after the alarm's transaction commits, through the event publication
 * registry, so an entry is written once even if the node stops in between.
 */
@Component
class AlarmTimeline {

	private final CaseStore store;

	AlarmTimeline(CaseStore store) {
		this.store = store;
	}

	@ApplicationModuleListener
	void on(AlarmRaised raised) {
		for (CaseView c : store.openByConversation(raised.conversationId())) {
			store.record(c.id(), Actor.agent(raised.agentId()), TimelineEntry.Kind.ALARM_RAISED, null, null, null, null);
		}
	}

	@ApplicationModuleListener
	void on(AlarmCleared cleared) {
		Actor actor = cleared.agentId() == null ? Actor.SYSTEM : Actor.agent(cleared.agentId());
		for (CaseView c : store.openByConversation(cleared.conversationId())) {
			store.record(c.id(), actor, TimelineEntry.Kind.ALARM_CLEARED, null,
					cleared.answerMessageId() == null ? null : "answered", null, null);
		}
	}
}
