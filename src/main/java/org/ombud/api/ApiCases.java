package org.ombud.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.Priority;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.identity.ApiClient;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.ombud.shared.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the API's writes do: open a case, write on a case, each at most once per Idempotency-Key. The work and
 * the key are stored in one transaction; when two requests with one key race, the loser's insert of the key
 * fails, its whole transaction (case, contact, evidence) rolls back, and it answers with the winner's result.
 */
@Service
class ApiCases {

	private static final Logger log = LoggerFactory.getLogger(ApiCases.class);

	// a lost race costs one attempt; more than a few in a row means something else is wrong
	private static final int MAX_ATTEMPTS = 5;

	private static final ComplainantRequest NOBODY = new ComplainantRequest(null, null, null, null, null);

	// the request's fields in a fixed order, so that the hash does not depend on how the client wrote the JSON
	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.build();

	private final Intake intake;

	private final CaseManagement cases;

	private final Conversations conversations;

	private final IdempotencyKeys keys;

	private final TransactionTemplate transaction;

	ApiCases(Intake intake, CaseManagement cases, Conversations conversations, IdempotencyKeys keys,
			PlatformTransactionManager transactions) {
		this.intake = intake;
		this.cases = cases;
		this.conversations = conversations;
		this.keys = keys;
		this.transaction = new TransactionTemplate(transactions);
		// each attempt commits or rolls back on its own, even if a caller ever holds a transaction
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A result, and whether it is a replay of an earlier request with the same key. */
	record Outcome<T>(T value, String statusToken, boolean replayed, Receipt receipt) {

		Outcome(T value, String statusToken, boolean replayed) {
			this(value, statusToken, replayed, null);
		}
	}

	Outcome<CaseView> open(ApiClient client, String key, NewCaseRequest request) {
		// what the API itself reads (Base64, the priority's name) is checked before anything else runs
		List<Rejection> problems = new ArrayList<>();
		Priority priority = priority(request.priority(), problems);
		List<EvidenceFile> files = EvidenceUploads.decode(request.evidence(), problems);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		ComplainantRequest who = request.complainant() == null ? NOBODY : request.complainant();
		Submission submission = new Submission(Channels.API, who.name(), who.email(), who.phone(),
				who.platformUserId(), who.locale(), request.category(), request.subcategory(), request.description(),
				request.reportedObject(), priority, files, Actor.api(client.tokenId()));
		String hash = key == null ? null : hash("POST /api/v1/cases", request);
		return once(() -> key == null ? Optional.empty() : keys.forCase(client.tokenId(), key).map(used -> {
			requireSameRequest(used.requestHash(), hash);
			return new Outcome<>(cases.get(used.caseId()).orElseThrow(), null, true);
		}), () -> {
			Receipt receipt;
			try {
				receipt = intake.submit(submission);
			}
			catch (Rejected rejected) {
				throw FieldPaths.ofNewCase(rejected, files);
			}
			if (key != null) {
				keys.rememberCase(client.tokenId(), key, hash, receipt.caseView().id());
			}
			return new Outcome<>(receipt.caseView(), receipt.statusToken(), false, receipt);
		});
	}

	Outcome<Message> write(ApiClient client, String key, CaseView target, NewMessageRequest request) {
		List<Rejection> problems = new ArrayList<>();
		List<EvidenceFile> files = EvidenceUploads.decode(request.evidence(), problems);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		// the case is part of the request: the same key on another case is a different request
		String hash = key == null ? null : hash("POST /api/v1/cases/" + target.number() + "/messages", request);
		return once(() -> key == null ? Optional.empty() : keys.forMessage(client.tokenId(), key).map(used -> {
			requireSameRequest(used.requestHash(), hash);
			return new Outcome<>(conversations.message(used.messageId()).orElseThrow(), null, true);
		}), () -> {
			Message message;
			try {
				message = cases.complainantWrites(target.id(), request.body(), files, Actor.api(client.tokenId()));
			}
			catch (Rejected rejected) {
				throw FieldPaths.ofNewMessage(rejected, files);
			}
			if (key != null) {
				keys.rememberMessage(client.tokenId(), key, hash, target.id(), message.id());
			}
			return new Outcome<>(message, null, false);
		});
	}

	private <T> Outcome<T> once(Supplier<Optional<Outcome<T>>> earlier, Supplier<Outcome<T>> work) {
		for (int attempt = 1;; attempt++) {
			boolean lookFirst = attempt > 1;
			try {
				// most keys are new: the first attempt just does the work, and the key's unique row refuses a
				// replay, which rolls back and comes round again to answer with what the key was used for
				return transaction.execute(status -> lookFirst ? earlier.get().orElseGet(work) : work.get());
			}
			catch (Rejected rejected) {
				// refused now, but the key may belong to a request that went through before (the case has since
				// been closed, say): a replay still answers with what happened then
				if (lookFirst) {
					throw rejected;
				}
				Optional<Outcome<T>> replay = transaction.execute(status -> earlier.get());
				if (replay != null && replay.isPresent()) {
					return replay.get();
				}
				throw rejected;
			}
			catch (DuplicateKeyException | ConcurrencyFailureException e) {
				// a concurrent request took the key (or the complainant's identity) first; nothing of ours was
				// stored, and the next look-up sees what the winner committed
				if (attempt >= MAX_ATTEMPTS) {
					throw e;
				}
				log.debug("Attempt {} lost a race and was rolled back: {}", attempt, e.getMessage());
			}
		}
	}

	private static void requireSameRequest(String stored, String hash) {
		if (!stored.equals(hash)) {
			throw ApiException.idempotencyMismatch();
		}
	}

	private static String hash(String route, Object request) {
		return Tokens.sha256(route + "\n" + CANONICAL.writeValueAsString(request));
	}

	private static Priority priority(String value, List<Rejection> problems) {
		if (value == null) {
			return null;
		}
		try {
			return Priority.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problems.add(Rejection.of("priority", "api.error.oneOf",
					Arrays.stream(Priority.values()).map(Enum::name).collect(Collectors.joining(", "))));
			return null;
		}
	}
}
