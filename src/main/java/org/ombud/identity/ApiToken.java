package org.ombud.identity;

import java.time.Instant;
import java.util.Set;

/** An API token as listed to admins: never the secret itself, only its first characters. */
public record ApiToken(long id, String name, String prefix, Set<ApiScope> scopes, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt) {

	public boolean active() {
		return revokedAt == null;
	}
}
