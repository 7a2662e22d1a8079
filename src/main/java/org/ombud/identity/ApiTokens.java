package org.ombud.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.Set;

import org.ombud.identity.internal.TokenStore;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.shared.Tokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Bearer tokens for the REST API: scoped, shown once, stored as a SHA-256 hash, revocable. */
@Service
public class ApiTokens {

	static final String PREFIX = "omb_";

	private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

	// a busy client calls many times a second: a live token is trusted for this long without a read. Revoking
	// takes effect at once on the node that revokes and within this time on the others.
	private static final long TRUSTED_NANOS = Duration.ofSeconds(1).toNanos();

	private static final int MAX_TRUSTED = 10_000;

	private record Trusted(ApiClient client, long until) {
	}

	private final Map<String, Trusted> trusted = new ConcurrentHashMap<>();

	private final TokenStore store;

	private final Clock clock;

	ApiTokens(TokenStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** A token that may do everything the API offers. */
	@Transactional
	public CreatedApiToken create(String name, Long createdBy) {
		return create(name, createdBy, ApiScope.all());
	}

	@Transactional
	public CreatedApiToken create(String name, Long createdBy, Set<ApiScope> scopes) {
		return create(name, createdBy, scopes, PREFIX + Tokens.random(32));
	}

	/** Stores a token whose secret was chosen elsewhere (the bootstrap token from the environment). */
	@Transactional
	public CreatedApiToken create(String name, Long createdBy, String secret) {
		return create(name, createdBy, ApiScope.all(), secret);
	}

	private CreatedApiToken create(String name, Long createdBy, Set<ApiScope> scopes, String secret) {
		if (name == null || name.isBlank() || name.length() > 200) {
			throw Rejected.of("name", "error.length", 1, 200);
		}
		if (scopes == null || scopes.isEmpty()) {
			throw Rejected.of("scopes", "error.token.scopes");
		}
		if (secret == null || secret.length() < 20) {
			throw Rejected.of("secret", "error.token.short", 20);
		}
		long id = store.insert(name.trim(), secret.substring(0, Math.min(8, secret.length())), Tokens.sha256(secret),
				scopes, createdBy, clock.instant());
		return new CreatedApiToken(store.token(id).orElseThrow(), secret);
	}

	/** Whether this secret was ever stored, revoked or not (a revoked bootstrap token stays revoked). */
	public boolean known(String secret) {
		return store.existsByHash(Tokens.sha256(secret));
	}

	public List<ApiToken> list() {
		return store.list();
	}

	@Transactional
	public void revoke(long id) {
		if (store.token(id).isEmpty()) {
			throw new NotFound("token");
		}
		store.revoke(id, clock.instant());
		trusted.clear();
		// and again once the revocation is committed, in case a call read the token in between
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				trusted.clear();
			}
		});
	}

	/**
	 * The client a secret belongs to, if it is a live token; notes when it was last used, at most once a
	 * minute, so that a busy client costs one read per call.
	 */
	public Optional<ApiClient> authenticate(String secret) {
		if (secret == null || secret.isBlank()) {
			return Optional.empty();
		}
		String hash = Tokens.sha256(secret);
		Trusted known = trusted.get(hash);
		if (known != null && System.nanoTime() - known.until() < 0) {
			return Optional.of(known.client());
		}
		return store.findActiveByHash(hash).map(token -> {
			if (trusted.size() >= MAX_TRUSTED) {
				trusted.clear();
			}
			trusted.put(hash, new Trusted(token.client(), System.nanoTime() + TRUSTED_NANOS));
			Instant now = clock.instant();
			Instant stale = now.minus(LAST_USE_RESOLUTION);
			if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(stale)) {
				store.touch(token.client().tokenId(), now, stale);
			}
			return token.client();
		});
	}
}
