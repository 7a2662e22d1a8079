package org.ombud.portal;

import java.util.Set;

/**
 * The web form as typed. Everything is text so that nothing the browser sends can fail to bind; the checks
 * and Intake decide what is acceptable. Evidence files travel beside it, since they are never re-shown.
 */
record ReportForm(String category, String subcategory, String description, String reportedObject, String name,
		String email, String phone, String consent, String fax) {

	static final Set<String> FIELDS = Set.of("category", "subcategory", "description", "reportedObject", "name",
			"email", "phone", "evidence", "consent");

	static ReportForm empty() {
		return new ReportForm(null, null, null, null, null, null, null, null, null);
	}

	/** The hidden trap field: people leave it empty, robots that fill every field do not. */
	public boolean trapped() {
		return fax != null && !fax.isEmpty();
	}

	/** A checked checkbox sends {@code on} (or the value it was given); anything else is no consent. */
	public boolean consented() {
		return consent != null && Set.of("on", "true", "yes").contains(consent.strip().toLowerCase());
	}
}
