package org.ombud.audit.internal;

import org.ombud.audit.AuditLog;
import org.ombud.cases.CaseEvents;
import org.ombud.cases.CaseManagement;
import org.ombud.identity.AgentPrincipal;
import org.ombud.conversations.VisibilityGranted;
import org.ombud.conversations.VisibilityRevoked;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Logins and changes to cases, as they happen; a change's entry is written in the change's own transaction. */
@Component
class AuditListeners {

	private final AuditLog audit;

	private final CaseManagement cases;

	AuditListeners(AuditLog audit, CaseManagement cases) {
		this.audit = audit;
		this.cases = cases;
	}

	@EventListener
	void loggedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AgentPrincipal agent) {
			AuditLog.Who who = AuditLog.current();
			audit.record(new AuditLog.Who("AGENT", agent.agentId(), agent.username(), who.address()), AuditLog.LOGIN,
					"agent", Long.toString(agent.agentId()), null);
		}
	}

	@EventListener
	void loginFailed(AbstractAuthenticationFailureEvent event) {
		AuditLog.Who who = AuditLog.current();
		// the name tried is kept, never the password
		audit.record(new AuditLog.Who("ANONYMOUS", null, event.getAuthentication().getName(), who.address()),
				AuditLog.LOGIN_FAILED, "agent", null, event.getException().getClass().getSimpleName());
	}

	@EventListener
	void granted(VisibilityGranted event) {
		audit.record("grant.issued", "conversation", Long.toString(event.conversationId()),
				"grant " + event.grantId() + " to agent " + event.granteeId() + " until "
						+ (event.expiresAt() == null ? "revoked" : event.expiresAt().toString()));
	}

	@EventListener
	void revoked(VisibilityRevoked event) {
		audit.record("grant.revoked", "conversation", Long.toString(event.conversationId()),
				"grant " + event.grantId() + " of agent " + event.granteeId());
	}

	@EventListener
	void caseChanged(CaseEvents event) {
		String action;
		String detail;
		switch (event) {
			case CaseEvents.CaseOpened e -> {
				action = "case.opened";
				detail = e.number() + " via " + e.channel();
			}
			case CaseEvents.CaseStatusChanged e -> {
				action = "case.status";
				detail = e.from() + " -> " + e.to();
			}
			case CaseEvents.CaseAssigned e -> {
				action = "case.assigned";
				detail = "team " + e.teamId() + ", assignee " + (e.assigneeId() == null ? "-" : e.assigneeId());
			}
			case CaseEvents.CaseReplied e -> {
				action = "case.replied";
				detail = "message " + e.messageId();
			}
			case CaseEvents.ComplainantWrote e -> {
				action = "case.complainant-wrote";
				detail = "message " + e.messageId();
			}
			case CaseEvents.CaseUpdated e -> {
				action = "case." + e.what().toLowerCase(java.util.Locale.ROOT);
				detail = null;
			}
			default -> {
				action = "case." + event.getClass().getSimpleName();
				detail = event.toString();
			}
		}
		// cases are known to people by their number: the same subject as in the log's reads
		// (an opened case names its number already: the intake's hot path pays no look-up for it)
		String subject = event instanceof CaseEvents.CaseOpened opened ? opened.number()
				: cases.get(event.caseId()).map(c -> c.number()).orElse(Long.toString(event.caseId()));
		audit.record(action, "case", subject, detail);
	}
}
