package org.ombud.console;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.conversations.Access;
import java.util.Optional;

import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.Visibility;
import org.ombud.shared.NotFound;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The logged-in agent's view of the desk, worked out once per request: every case and chat a console page shows
 * or acts on is looked up through here. Someone else's case is "not found", exactly like a case that does not
 * exist, so a number or an id reveals nothing.
 */
@Component
class Visible {

	private static final String ATTRIBUTE = Visible.class.getName();

	private static final String AGENT = Visible.class.getName() + ".agent";

	private final Access access;

	private final CaseManagement cases;

	private final AgentDirectory directory;

	Visible(Access access, CaseManagement cases, AgentDirectory directory) {
		this.access = access;
		this.cases = cases;
		this.directory = directory;
	}

	/** The logged-in agent as they are now, read once per request (the top bar and every check share it). */
	Optional<Agent> agent() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(AGENT, RequestAttributes.SCOPE_REQUEST) instanceof Agent a) {
			return Optional.of(a);
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AgentPrincipal principal)) {
			return Optional.empty();
		}
		Optional<Agent> agent = directory.agent(principal.agentId());
		if (request != null) {
			agent.ifPresent(a -> request.setAttribute(AGENT, a, RequestAttributes.SCOPE_REQUEST));
		}
		return agent;
	}

	/** What the current agent sees. */
	Visibility me() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Visibility v) {
			return v;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof AgentPrincipal principal)) {
			throw new NotFound("case");
		}
		Visibility visibility = agent().map(access::of).orElseGet(() -> access.of(principal.agentId()));
		if (request != null) {
			request.setAttribute(ATTRIBUTE, visibility, RequestAttributes.SCOPE_REQUEST);
		}
		return visibility;
	}

	/** Forgets what was worked out, after the agent's own action may have changed it. */
	void refresh() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			request.removeAttribute(AGENT, RequestAttributes.SCOPE_REQUEST);
		}
	}

	boolean sees(CaseView c) {
		return me().seesCase(c.teamId(), c.assigneeId(), c.conversationId());
	}

	/** The case by its number, if it exists and the agent sees it; 404 otherwise. */
	CaseView caseByNumber(String number) {
		return cases.find(number).filter(this::sees).orElseThrow(() -> new NotFound("case"));
	}

	/** Whether the agent sees the conversation (a chat and its cases). */
	boolean seesConversation(long conversationId) {
		return access.sees(me(), conversationId);
	}
}
