/**
 * REST API v1 for the platform's own app and for integrators: open a case, read it (with its SLA clocks and
 * breaches), write to it, list cases.
 * JSON in and out, bearer tokens, RFC 9457 problems for every error, OpenAPI at {@code /v3/api-docs}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "intake", "cases", "conversations", "audit", "sla" })
package org.ombud.api;
