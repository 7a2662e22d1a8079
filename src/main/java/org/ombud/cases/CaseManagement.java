package org.ombud.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ombud.cases.CaseEvents.CaseAssigned;
import org.ombud.cases.CaseEvents.CaseOpened;
import org.ombud.cases.CaseEvents.CaseReplied;
import org.ombud.cases.CaseEvents.CaseStatusChanged;
import org.ombud.cases.CaseEvents.CaseUpdated;
import org.ombud.cases.CaseEvents.ComplainantWrote;
import org.ombud.cases.internal.CaseStore;
import org.ombud.cases.internal.EvidenceStorage;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversation;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageKind;
import org.ombud.conversations.OutboundOptions;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.shared.Actor;
import org.ombud.shared.NotFound;
import org.ombud.shared.Page;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.ombud.shared.Tokens;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening, reading and working cases. Every change lands on the case's timeline with who and when. */
@Service
public class CaseManagement {

	public static final int MAX_REPORTED_OBJECT = 2048;

	private final CaseStore store;

	private final Categories categories;

	private final Conversations conversations;

	private final Contacts contacts;

	private final AgentDirectory directory;

	private final EvidencePolicy evidencePolicy;

	private final EvidenceStorage storage;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.ombud.cases.internal.RetentionStore erasure;

	CaseManagement(CaseStore store, Categories categories, Conversations conversations, Contacts contacts,
			AgentDirectory directory, EvidencePolicy evidencePolicy, EvidenceStorage storage,
			ApplicationEventPublisher events, Clock clock, org.ombud.cases.internal.RetentionStore erasure) {
		this.erasure = erasure;
		this.store = store;
		this.categories = categories;
		this.conversations = conversations;
		this.contacts = contacts;
		this.directory = directory;
		this.evidencePolicy = evidencePolicy;
		this.storage = storage;
		this.events = events;
		this.clock = clock;
	}

	/** Opens a case routed to its category's default team, with a fresh number and private status link. */
	@Transactional
	public OpenedCase open(OpenCase command) {
		List<Rejection> problems = new ArrayList<>();
		Optional<Category> category = categories.byKey(command.categoryKey()).filter(Category::active);
		Long subcategoryId = null;
		if (category.isEmpty()) {
			problems.add(Rejection.of("category", "error.category.unknown"));
		}
		else if (command.subcategoryKey() != null && !command.subcategoryKey().isBlank()) {
			subcategoryId = category.get()
				.subcategories()
				.stream()
				.filter(s -> s.active() && s.key().equals(command.subcategoryKey()))
				.map(Subcategory::id)
				.findFirst()
				.orElse(null);
			if (subcategoryId == null) {
				problems.add(Rejection.of("subcategory", "error.subcategory.unknown"));
			}
		}
		if (command.reportedObject() != null && command.reportedObject().length() > MAX_REPORTED_OBJECT) {
			problems.add(Rejection.of("reportedObject", "error.length", 0, MAX_REPORTED_OBJECT));
		}
		problems.addAll(evidencePolicy.check("evidence", command.evidence()));
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		String statusToken = Tokens.random(24);
		Priority priority = command.priority() == null ? Priority.NORMAL : command.priority();
		long teamId = category.get().defaultTeamId();
		// the database keeps microseconds: the view built here equals the one read back later
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String subject = subject(command.subject());
		String reportedObject = blankToNull(command.reportedObject());
		CaseStore.Inserted inserted = store.insert(new CaseStore.NewCaseRow(now.atZone(ZoneOffset.UTC).getYear(),
				command.conversationId(), command.contactId(), command.channel(), category.get().id(), subcategoryId,
				priority, teamId, subject, reportedObject, command.locale(), Tokens.sha256(statusToken)), now);
		long id = inserted.id();
		String number = inserted.number();
		store.recordOpening(id, command.actor(), number, command.firstMessageId());
		if (command.actor().kind() == Actor.Kind.API) {
			store.openedByToken(id, command.actor().id());
		}
		// the newest open case leads its conversation in the chat list
		conversations.followOpenCase(command.conversationId(), id, teamId, null);
		List<Long> evidenceIds = storeEvidence(id, command.firstMessageId(), command.evidence(), command.actor());
		events.publishEvent(new CaseOpened(id, number, command.channel(), teamId, priority.name()));
		CaseView view = new CaseView(id, number, CaseStatus.NEW, priority, command.channel(), category.get().id(),
				subcategoryId, teamId, null, subject, reportedObject, command.locale(), command.contactId(),
				command.conversationId(), now, now, null, null);
		return new OpenedCase(view, statusToken, evidenceIds.isEmpty() ? List.of() : store.evidence(id));
	}

	public Optional<CaseView> get(long id) {
		return store.byId(id);
	}

	public Optional<CaseView> find(String number) {
		return CaseNumber.parse(number).flatMap(n -> store.byNumber(n.toString()));
	}

	public Optional<CaseView> findByStatusToken(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		return store.byStatusTokenHash(Tokens.sha256(token));
	}

	/** For the status page's look-up: the case, if this e-mail address is the complainant's. */
	public Optional<CaseView> findByNumberAndEmail(String number, String email) {
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		Optional<Long> contact = contacts.findByIdentity(ChannelIdentity.EMAIL, email.trim().toLowerCase());
		return find(number).filter(c -> contact.isPresent() && c.contactId() == contact.get());
	}

	/** What the complainant and we wrote on the case, oldest first; never notes. */
	public List<Message> publicMessages(CaseView view) {
		return conversations.messages(view.conversationId()).stream().filter(m -> m.kind().isPublic()).toList();
	}

	/** The cases of a conversation, newest first. */
	public List<CaseView> ofConversation(long conversationId) {
		return store.byConversation(conversationId);
	}

	/** The API token that opened the case, if one did. */
	public Optional<Long> openingToken(long caseId) {
		return store.openingToken(caseId);
	}

	public Page<CaseView> queue(QueueFilter filter, Page.Request request) {
		return store.queue(filter, request);
	}

	/**
	 * The queue in an order another module knows (e.g. by SLA time left): the matching cases among {@code leading}
	 * first in that order, then the other matching cases newest first.
	 */
	public Page<CaseView> queue(QueueFilter filter, Page.Request request, List<Long> leading) {
		return store.queue(filter, request, leading);
	}

	/** The case's history; with {@code publicOnly} only what the complainant may see. */
	public List<TimelineEntry> timeline(long caseId, boolean publicOnly) {
		CaseView view = store.byId(caseId).orElseThrow(() -> new NotFound("case"));
		Map<Long, Message> messages = new HashMap<>();
		conversations.messages(view.conversationId()).forEach(m -> messages.put(m.id(), m));
		Map<Long, Evidence> evidence = new HashMap<>();
		store.evidence(caseId).forEach(e -> evidence.put(e.id(), e));
		return store.events(caseId)
			.stream()
			.filter(e -> !publicOnly || e.kind().isPublic())
			.map(e -> new TimelineEntry(e.id(), e.occurredAt(), e.actor(), e.kind(), e.oldValue(), e.newValue(),
					e.messageId() == null ? null : messages.get(e.messageId()),
					e.evidenceId() == null ? null : evidence.get(e.evidenceId())))
			.filter(e -> !publicOnly || e.message() == null || e.message().kind().isPublic())
			.toList();
	}

	@Transactional
	public CaseView changeStatus(long caseId, CaseStatus to, Actor actor) {
		CaseView current = lock(caseId);
		if (to == null) {
			throw Rejected.of("status", "error.required");
		}
		if (current.status() == to) {
			return current;
		}
		if (!current.status().canTransitionTo(to)) {
			throw Rejected.of("status", "error.case.transition", current.status().name(), to.name());
		}
		moveStatus(current, to, actor);
		return store.byId(caseId).orElseThrow();
	}

	@Transactional
	public CaseView changeCategory(long caseId, String categoryKey, String subcategoryKey, Actor actor) {
		CaseView current = lock(caseId);
		Category category = categories.byKey(categoryKey)
			.filter(Category::active)
			.orElseThrow(() -> Rejected.of("category", "error.category.unknown"));
		Long subcategoryId = null;
		if (subcategoryKey != null && !subcategoryKey.isBlank()) {
			subcategoryId = category.subcategories()
				.stream()
				.filter(s -> s.active() && s.key().equals(subcategoryKey))
				.map(Subcategory::id)
				.findFirst()
				.orElseThrow(() -> Rejected.of("subcategory", "error.subcategory.unknown"));
		}
		if (current.categoryId() == category.id() && Objects.equals(current.subcategoryId(), subcategoryId)) {
			return current;
		}
		String old = categoryLabel(current.categoryId(), current.subcategoryId());
		store.updateColumn(caseId, "category_id", category.id());
		store.updateColumn(caseId, "subcategory_id", subcategoryId);
		store.record(caseId, actor, TimelineEntry.Kind.CATEGORY, old, categoryLabel(category.id(), subcategoryId),
				null, null);
		events.publishEvent(new CaseUpdated(caseId, TimelineEntry.Kind.CATEGORY.name()));
		return store.byId(caseId).orElseThrow();
	}

	@Transactional
	public CaseView changeTeam(long caseId, long teamId, Actor actor) {
		CaseView current = lock(caseId);
		var team = directory.team(teamId).orElseThrow(() -> Rejected.of("team", "error.team.unknown"));
		if (current.teamId() == teamId) {
			return current;
		}
		String old = directory.team(current.teamId()).map(t -> t.key()).orElse(null);
		store.updateColumn(caseId, "team_id", teamId);
		store.record(caseId, actor, TimelineEntry.Kind.TEAM, old, team.key(), null, null);
		events.publishEvent(new CaseAssigned(caseId, teamId, current.assigneeId()));
		followedByConversation(current.conversationId());
		return store.byId(caseId).orElseThrow();
	}

	/** Gives the case to one active agent, or to nobody with {@code null}. */
	@Transactional
	public CaseView assign(long caseId, Long agentId, Actor actor) {
		CaseView current = lock(caseId);
		Agent agent = null;
		if (agentId != null) {
			agent = directory.agent(agentId)
				.filter(Agent::active)
				.orElseThrow(() -> Rejected.of("assignee", "error.agent.unknown"));
		}
		if (Objects.equals(current.assigneeId(), agentId)) {
			return current;
		}
		String old = current.assigneeId() == null ? null
				: directory.agent(current.assigneeId()).map(Agent::username).orElse(null);
		store.updateColumn(caseId, "assignee_id", agentId);
		store.record(caseId, actor, TimelineEntry.Kind.ASSIGNEE, old, agent == null ? null : agent.username(), null,
				null);
		events.publishEvent(new CaseAssigned(caseId, current.teamId(), agentId));
		followedByConversation(current.conversationId());
		return store.byId(caseId).orElseThrow();
	}

	@Transactional
	public CaseView changePriority(long caseId, Priority priority, Actor actor) {
		CaseView current = lock(caseId);
		if (priority == null) {
			throw Rejected.of("priority", "error.required");
		}
		if (current.priority() == priority) {
			return current;
		}
		store.updateColumn(caseId, "priority", priority.name());
		store.record(caseId, actor, TimelineEntry.Kind.PRIORITY, current.priority().name(), priority.name(), null, null);
		events.publishEvent(new CaseUpdated(caseId, TimelineEntry.Kind.PRIORITY.name()));
		return store.byId(caseId).orElseThrow();
	}

	/**
	 * Notes on the timeline that an SLA clock went past due ({@code stage} as the SLA names it). Internal: the
	 * complainant's timeline never shows it.
	 */
	@Transactional
	public void recordSlaBreach(long caseId, String stage, Instant dueAt) {
		lock(caseId);
		store.record(caseId, Actor.SYSTEM, TimelineEntry.Kind.SLA_BREACH, stage, dueAt == null ? null : dueAt.toString(),
				null, null);
	}

	/** The cases of a conversation that are still open, newest first. */
	public List<CaseView> openCasesOf(long conversationId) {
		return store.openByConversation(conversationId);
	}

	/** A reply to the complainant: shown on the status page, and sent on the channel the conversation lives on. */
	@Transactional
	public Message reply(long caseId, String body, Actor actor) {
		return reply(caseId, body, OutboundOptions.DEFAULTS, actor);
	}

	/** A reply with its outbound options: the client message it answers, no link previews, no "typing…". */
	@Transactional
	public Message reply(long caseId, String body, OutboundOptions options, Actor actor) {
		CaseView current = lock(caseId);
		Message message = conversations.append(current.conversationId(), MessageKind.OUTBOUND, actor.agentId(), body,
				options);
		store.record(caseId, actor, TimelineEntry.Kind.REPLY, null, null, message.id(), null);
		store.touch(caseId);
		events.publishEvent(new CaseReplied(caseId, message.id()));
		return message;
	}

	/**
	 * Opens a new case from a client's message of any conversation: the case lives in the same conversation and
	 * its timeline starts with that message. It goes to the category's team unless {@code teamId} names another.
	 */
	@Transactional
	public CaseView openFromMessage(long messageId, String categoryKey, String subcategoryKey, Long teamId,
			Priority priority, Actor actor) {
		Message message = conversations.message(messageId)
			.filter(m -> m.kind() == MessageKind.INBOUND)
			.orElseThrow(() -> new NotFound("message"));
		Conversation conversation = conversations.conversation(message.conversationId()).orElseThrow();
		if (teamId != null && directory.team(teamId).isEmpty()) {
			throw Rejected.of("team", "error.team.unknown");
		}
		String locale = contacts.contact(conversation.contactId())
			.map(c -> c.locale())
			.filter(l -> l != null && !l.isBlank())
			.orElse("en");
		OpenedCase opened = open(new OpenCase(conversation.contactId(), conversation.id(), conversation.channel(),
				categoryKey, subcategoryKey, priority, message.body(), null, locale, message.id(), List.of(), actor));
		if (teamId != null && teamId != opened.view().teamId()) {
			return changeTeam(opened.view().id(), teamId, actor);
		}
		return opened.view();
	}

	/** An internal note: never shown to the complainant. */
	@Transactional
	public Message note(long caseId, String body, Actor actor) {
		CaseView current = lock(caseId);
		Message message = conversations.append(current.conversationId(), MessageKind.NOTE, actor.agentId(), body);
		store.record(caseId, actor, TimelineEntry.Kind.NOTE, null, null, message.id(), null);
		events.publishEvent(new CaseUpdated(caseId, TimelineEntry.Kind.NOTE.name()));
		return message;
	}

	/**
	 * The complainant writes again (status page, API). A case waiting for them, or resolved, goes back to
	 * investigating; a closed case takes no more messages.
	 */
	@Transactional
	public Message complainantWrites(long caseId, String body, List<EvidenceFile> evidence, Actor actor) {
		CaseView current = lock(caseId);
		// a closed case takes nothing; of the others only a resolved one can have had its data erased
		if (current.status() == CaseStatus.CLOSED
				|| (current.status() == CaseStatus.RESOLVED && erasure.erasedAt(caseId).isPresent())) {
			throw Rejected.of(null, "error.case.closed");
		}
		List<Rejection> problems = evidencePolicy.check("evidence", evidence);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		Message message = conversations.append(current.conversationId(), MessageKind.INBOUND, null, body);
		followUp(current, message.id(), evidence, actor);
		return message;
	}

	/**
	 * A message the complainant wrote on the case's channel, already stored in its conversation (with the
	 * channel's id of it), joins the case like {@link #complainantWrites}: on the timeline, with its evidence.
	 */
	@Transactional
	public void complainantWrote(long caseId, long messageId, List<EvidenceFile> evidence, Actor actor) {
		CaseView current = lock(caseId);
		// a closed case takes nothing; of the others only a resolved one can have had its data erased
		if (current.status() == CaseStatus.CLOSED
				|| (current.status() == CaseStatus.RESOLVED && erasure.erasedAt(caseId).isPresent())) {
			throw Rejected.of(null, "error.case.closed");
		}
		List<Rejection> problems = evidencePolicy.check("evidence", evidence);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		Message message = conversations.message(messageId)
			.filter(m -> m.conversationId() == current.conversationId() && m.kind() == MessageKind.INBOUND)
			.orElseThrow(() -> new NotFound("message"));
		followUp(current, message.id(), evidence, actor);
	}

	private void followUp(CaseView current, long messageId, List<EvidenceFile> evidence, Actor actor) {
		long caseId = current.id();
		store.record(caseId, actor, TimelineEntry.Kind.MESSAGE, null, null, messageId, null);
		storeEvidence(caseId, messageId, evidence, actor);
		if (current.status() == CaseStatus.AWAITING_COMPLAINANT || current.status() == CaseStatus.RESOLVED) {
			moveStatus(current, CaseStatus.INVESTIGATING, Actor.SYSTEM);
		}
		else {
			store.touch(caseId);
		}
		events.publishEvent(new ComplainantWrote(caseId, messageId));
	}

	/** The case a conversation's next message belongs to: its latest case that is not closed. */
	public Optional<CaseView> currentCase(long conversationId) {
		return store.currentOf(conversationId);
	}

	/**
	 * A file the complainant sent that is not kept as evidence (wrong type, too big, not fetched): noted on the
	 * timeline with its name and why, so that the agent knows and can ask for it another way.
	 */
	@Transactional
	public void evidenceRefused(long caseId, Long messageId, String fileName, String reason, Actor actor) {
		lock(caseId);
		String note = EvidencePolicy.safeName(fileName) + (reason == null || reason.isBlank() ? "" : ": " + reason);
		store.record(caseId, actor, TimelineEntry.Kind.EVIDENCE_REFUSED, null, cut(note), messageId, null);
	}

	/** The complainant changed a message of the case on its channel: old and new text go on the timeline. */
	@Transactional
	public void messageEdited(long caseId, long messageId, String oldBody, String newBody, Actor actor) {
		lock(caseId);
		store.record(caseId, actor, TimelineEntry.Kind.MESSAGE_EDITED, cut(oldBody), cut(newBody), messageId, null);
		store.touch(caseId);
	}

	/** The complainant's rating of the service (1 to 5), once the case is resolved; a new rating replaces the old. */
	@Transactional
	public CaseView rate(long caseId, int rating, Actor actor) {
		CaseView current = lock(caseId);
		if (rating < 1 || rating > 5) {
			throw Rejected.of("rating", "error.rating");
		}
		if (current.status().isOpen()) {
			throw Rejected.of("rating", "error.rating.open");
		}
		Optional<Integer> old = store.rating(caseId);
		if (old.isPresent() && old.get() == rating) {
			return current;
		}
		store.updateRating(caseId, rating);
		store.record(caseId, actor, TimelineEntry.Kind.RATED, old.map(String::valueOf).orElse(null),
				String.valueOf(rating), null, null);
		return store.byId(caseId).orElseThrow();
	}

	/** The complainant's rating, 1 to 5, if they gave one. */
	public Optional<Integer> rating(long caseId) {
		return store.rating(caseId);
	}

	private static String cut(String text) {
		if (text == null || text.length() <= 2048) {
			return text;
		}
		return text.substring(0, 2047) + "…";
	}

	/** Evidence added by an agent (or the complainant) outside a message. */
	@Transactional
	public List<Evidence> attachEvidence(long caseId, List<EvidenceFile> files, Actor actor) {
		lock(caseId);
		if (files.isEmpty()) {
			throw Rejected.of("evidence", "error.required");
		}
		List<Rejection> problems = evidencePolicy.check("evidence", files);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		List<Long> ids = storeEvidence(caseId, null, files, actor);
		store.touch(caseId);
		events.publishEvent(new CaseUpdated(caseId, TimelineEntry.Kind.EVIDENCE.name()));
		return store.evidence(caseId).stream().filter(e -> ids.contains(e.id())).toList();
	}

	public List<Evidence> evidence(long caseId) {
		return store.evidence(caseId);
	}

	public Optional<EvidenceContent> evidenceContent(long caseId, long evidenceId) {
		return store.evidence(caseId, evidenceId)
			.map(e -> new EvidenceContent(e, storage.read(store.storageKey(e.id()).orElseThrow())));
	}

	private List<Long> storeEvidence(long caseId, Long messageId, List<EvidenceFile> files, Actor actor) {
		List<Long> ids = new ArrayList<>();
		for (EvidenceFile file : files) {
			String type = evidencePolicy.detect(file);
			String key = storage.store(file.bytes());
			long evidenceId = store.insertEvidence(caseId, messageId, EvidencePolicy.safeName(file.fileName()), type,
					file.bytes().length, Tokens.sha256(file.bytes()), key);
			store.record(caseId, actor, TimelineEntry.Kind.EVIDENCE, null, EvidencePolicy.safeName(file.fileName()),
					messageId, evidenceId);
			ids.add(evidenceId);
		}
		return ids;
	}

	private void moveStatus(CaseView current, CaseStatus to, Actor actor) {
		store.updateStatus(current.id(), to);
		store.record(current.id(), actor, TimelineEntry.Kind.STATUS, current.status().name(), to.name(), null, null);
		events.publishEvent(new CaseStatusChanged(current.id(), current.status().name(), to.name()));
		if (current.status().isOpen() != to.isOpen()) {
			followedByConversation(current.conversationId());
		}
	}

	/** The conversation takes the team and assignee of its newest open case, or leaves the list without one. */
	private void followedByConversation(long conversationId) {
		store.openByConversation(conversationId)
			.stream()
			.findFirst()
			.ifPresentOrElse(c -> conversations.followOpenCase(conversationId, c.id(), c.teamId(), c.assigneeId()),
					() -> conversations.noOpenCase(conversationId));
	}

	private CaseView lock(long caseId) {
		return store.lock(caseId).orElseThrow(() -> new NotFound("case"));
	}

	private String categoryLabel(long categoryId, Long subcategoryId) {
		Category category = categories.category(categoryId).orElseThrow();
		String sub = subcategoryId == null ? null
				: category.subcategories()
					.stream()
					.filter(s -> s.id() == subcategoryId)
					.map(Subcategory::key)
					.findFirst()
					.orElse(null);
		return sub == null ? category.key() : category.key() + "/" + sub;
	}

	/** The case's title: the first line of what the person wrote, shortened. */
	static String subject(String text) {
		String firstLine = text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
		if (firstLine.codePointCount(0, firstLine.length()) > 120) {
			firstLine = firstLine.substring(0, firstLine.offsetByCodePoints(0, 119)) + "…";
		}
		return firstLine.isEmpty() ? "—" : firstLine;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
