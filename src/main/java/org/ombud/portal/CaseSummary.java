package org.ombud.portal;

/** The head of the status page: what the person needs to know about their case at a glance. */
record CaseSummary(String number, String status, String category, String created, String createdIso,
		boolean closed) {
}
