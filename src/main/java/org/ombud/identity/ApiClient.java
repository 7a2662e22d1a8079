package org.ombud.identity;

/** A platform or integrator calling the API with a token. */
public record ApiClient(long tokenId, String name) {
}
