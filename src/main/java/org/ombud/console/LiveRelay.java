package org.ombud.console;

import org.ombud.cases.CaseEvents;
import org.ombud.cases.CaseManagement;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happens to cases into live signals for the open consoles (conversations announce their own
 * messages). Listens inside the
 * transaction that made the change (reading the team there costs one look-up by key, and sees the change
 * itself); the bus sends after commit, once per case or conversation however many events one change made.
 */
@Component
class LiveRelay {

	private final LiveBus bus;

	private final CaseManagement cases;

	LiveRelay(LiveBus bus, CaseManagement cases) {
		this.bus = bus;
		this.cases = cases;
	}

	@EventListener
	void on(CaseEvents event) {
		switch (event) {
			// the conversation began before the case, with no team yet: now it has one
			case CaseEvents.CaseOpened opened -> caseChanged(opened.caseId(), true);
			case CaseEvents.CaseAssigned assigned ->
				bus.publish(LiveSignal.caseChanged(assigned.caseId(), assigned.teamId()));
			case CaseEvents.CaseStatusChanged changed -> caseChanged(changed.caseId(), false);
			// a message on the case is also news for whoever has its conversation open
			case CaseEvents.CaseReplied replied -> caseChanged(replied.caseId(), true);
			case CaseEvents.ComplainantWrote wrote -> caseChanged(wrote.caseId(), true);
			case CaseEvents.CaseUpdated updated -> caseChanged(updated.caseId(), false);
		}
	}

	private void caseChanged(long caseId, boolean withConversation) {
		cases.get(caseId).ifPresent(view -> {
			bus.publish(LiveSignal.caseChanged(view.id(), view.teamId()));
			if (withConversation) {
				bus.publish(LiveSignal.conversation(view.conversationId(), view.teamId()));
			}
		});
	}
}
