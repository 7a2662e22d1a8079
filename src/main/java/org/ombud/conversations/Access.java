package org.ombud.conversations;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.ombud.contacts.Organisations;
import org.ombud.conversations.internal.ChatStore;
import org.ombud.conversations.internal.GrantStore;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.Role;
import org.ombud.identity.Visibility;
import org.ombud.live.LiveBus;
import org.ombud.live.LiveSignal;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sees which conversations and cases: the {@link Role} rule worked out per agent as a {@link Visibility},
 * and the grants that give a colleague one conversation (a chat and its cases) for a while. Every list, page,
 * download, live signal and notification of a case or a chat asks here.
 */
@Service
public class Access {

	public static final int MAX_NOTE = 500;

	private final AgentDirectory agents;

	private final Organisations organisations;

	private final GrantStore grants;

	private final ChatStore chats;

	private final ApplicationEventPublisher events;

	private final LiveBus live;

	private final Clock clock;

	Access(AgentDirectory agents, Organisations organisations, GrantStore grants, ChatStore chats,
			ApplicationEventPublisher events, LiveBus live, Clock clock) {
		this.agents = agents;
		this.organisations = organisations;
		this.grants = grants;
		this.chats = chats;
		this.events = events;
		this.live = live;
		this.clock = clock;
	}

	/** What the agent sees now; an unknown or deactivated agent sees nothing. */
	public Visibility of(long agentId) {
		return agents.agent(agentId).filter(Agent::active).map(this::of).orElseGet(
				() -> new Visibility(agentId, Role.COMPLIANCE_VIEWER, false, Set.of(), false, Set.of()));
	}

	public Visibility of(Agent agent) {
		Role role = agent.role();
		if (!agent.active() || !role.works()) {
			return new Visibility(agent.id(), role, false, Set.of(), false, Set.of());
		}
		if (role.seesEverything()) {
			return new Visibility(agent.id(), role, true, Set.of(), true, Set.of());
		}
		Set<Long> conversations = new HashSet<>(grants.activeFor(agent.id(), clock.instant()));
		if (role == Role.ACCOUNT_MANAGER) {
			conversations.addAll(grants.conversationsOf(organisations.managedBy(agent.id())));
		}
		boolean triage = role == Role.DUTY_AGENT || role == Role.MODERATOR;
		return new Visibility(agent.id(), role, false, role.seesTeams() ? agent.teamIds() : Set.of(), triage,
				conversations);
	}

	/** The conversation as a chat row (no agent's marks), for deciding who sees it. */
	public java.util.Optional<ChatRow> conversation(long conversationId) {
		return chats.row(0, 0, conversationId);
	}

	/** Whether the agent sees the conversation; false for one that does not exist. */
	public boolean sees(Visibility visibility, long conversationId) {
		return chats.row(0, 0, conversationId)
			.filter(c -> visibility.seesConversation(c.id(), c.teamId(), c.assigneeId()))
			.isPresent();
	}

	/**
	 * Gives a colleague visibility of a conversation the granting agent sees, until {@code expiresAt} (null:
	 * until revoked). Only roles that grant may; the colleague must be an active agent who works cases.
	 */
	@Transactional
	public Grant grant(long conversationId, long granteeId, Instant expiresAt, String note, long grantedBy) {
		Visibility granter = of(grantedBy);
		if (!sees(granter, conversationId)) {
			throw new NotFound("conversation");
		}
		if (!granter.role().grants()) {
			throw Rejected.of(null, "error.grant.notAllowed");
		}
		Agent grantee = agents.agent(granteeId).filter(Agent::active).filter(a -> a.role().works())
			.orElseThrow(() -> Rejected.of("grantee", "error.grant.grantee"));
		if (grantee.id() == grantedBy) {
			throw Rejected.of("grantee", "error.grant.self");
		}
		Instant now = clock.instant();
		if (expiresAt != null && !expiresAt.isAfter(now)) {
			throw Rejected.of("expiresAt", "error.grant.expiry");
		}
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
			throw Rejected.of("note", "error.length", 0, MAX_NOTE);
		}
		long id = grants.insert(conversationId, grantee.id(), grantedBy, now, expiresAt, cleanNote);
		events.publishEvent(new VisibilityGranted(id, conversationId, grantee.id(), grantedBy, expiresAt));
		signal(conversationId);
		return grants.byId(id).orElseThrow();
	}

	/** Ends a grant: its granter, or anyone who may grant and sees the conversation. */
	@Transactional
	public void revoke(long grantId, long agentId) {
		Grant grant = grants.byId(grantId).orElseThrow(() -> new NotFound("grant"));
		Visibility visibility = of(agentId);
		if (!sees(visibility, grant.conversationId())) {
			throw new NotFound("grant");
		}
		if (grant.grantedBy() != agentId && !visibility.role().grants()) {
			throw Rejected.of(null, "error.grant.notAllowed");
		}
		if (grants.revoke(grantId, agentId, clock.instant())) {
			events.publishEvent(new VisibilityRevoked(grantId, grant.conversationId(), grant.granteeId(), agentId));
			signal(grant.conversationId());
		}
	}

	/** Every grant of the conversation, newest first, active or not. */
	public List<Grant> grants(long conversationId) {
		return grants.ofConversation(conversationId);
	}

	private void signal(long conversationId) {
		Long teamId = chats.row(0, 0, conversationId).map(ChatRow::teamId).orElse(null);
		live.publish(LiveSignal.conversation(conversationId, teamId));
	}
}
