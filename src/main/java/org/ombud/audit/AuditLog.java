package org.ombud.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.ombud.audit.internal.AuditStore;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.ApiClient;
import org.ombud.shared.Page;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log and reads it. An entry written inside a transaction stands or falls with it, so a
 * change that rolls back leaves no entry claiming it happened. Writers only insert; within half a second the
 * sealer chains new entries by hash, after which a change or removal shows.
 */
@Service
public class AuditLog {

	public static final String LOGIN = "login";

	public static final String LOGIN_FAILED = "login.failed";

	public static final String CASE_VIEWED = "case.viewed";

	public static final String EVIDENCE_DOWNLOADED = "evidence.downloaded";

	public static final String EVIDENCE_PREVIEWED = "evidence.previewed";

	public static final String AUDIT_EXPORTED = "audit.exported";

	private final AuditStore store;

	private static final int SEAL_BATCH = 1000;

	private final Clock clock;

	private final TransactionTemplate transactions;

	AuditLog(AuditStore store, Clock clock, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Who acted: kind (AGENT, API, CONTACT, SYSTEM, ANONYMOUS), id and name where known, and from where. */
	public record Who(String kind, Long id, String name, String address) {

		public static final Who SYSTEM = new Who("SYSTEM", null, null, null);
	}

	/** Records an action by whoever the current request is authenticated as. */
	@Transactional
	public void record(String action, String subjectType, String subjectId, String detail) {
		record(current(), action, subjectType, subjectId, detail);
	}

	@Transactional
	public void record(Who who, String action, String subjectType, String subjectId, String detail) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		store.append(now, who.kind(), who.id(), clip(who.name(), 200), action, subjectType, clip(subjectId, 64),
				clip(detail, 2000), clip(who.address(), 64));
	}

	public Page<AuditEntry> search(AuditFilter filter, Page.Request request) {
		return store.search(filter, request);
	}

	/** Every matching entry, oldest first, without holding them all in memory. */
	@Transactional(readOnly = true)
	public void each(AuditFilter filter, Consumer<AuditEntry> consumer) {
		store.each(filter, consumer);
	}

	/** Seals what is pending, then walks the whole chain from the first entry to the head. */
	public ChainCheck verify() {
		seal();
		return store.verify();
	}

	/** Chains every committed entry that is not yet sealed; runs twice a second on every node, one at a time. */
	@Scheduled(fixedDelay = 500, initialDelay = 500)
	public void seal() {
		while (Boolean.TRUE.equals(transactions.execute(status -> store.seal(SEAL_BATCH) == SEAL_BATCH))) {
			// a full batch: there may be more
		}
	}

	/** The actor of the current request: an agent, an API client, or an anonymous visitor; else Ombud itself. */
	public static Who current() {
		String address = null;
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			address = request.getRemoteAddr();
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Object principal = authentication == null ? null : authentication.getPrincipal();
		if (principal instanceof AgentPrincipal agent) {
			return new Who("AGENT", agent.agentId(), agent.username(), address);
		}
		if (principal instanceof ApiClient client) {
			return new Who("API", client.tokenId(), client.name(), address);
		}
		return address == null ? Who.SYSTEM : new Who("ANONYMOUS", null, null, address);
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}
}
