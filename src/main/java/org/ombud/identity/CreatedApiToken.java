package org.ombud.identity;

/** A new token; the secret is shown once and then only its hash is kept. */
public record CreatedApiToken(ApiToken token, String secret) {
}
