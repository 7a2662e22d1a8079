package org.ombud.identity;

import java.util.Set;

/** A platform or integrator calling the API with a token, and what that token may do. */
public record ApiClient(long tokenId, String name, Set<ApiScope> scopes) {

	public ApiClient {
		scopes = Set.copyOf(scopes);
	}
}
