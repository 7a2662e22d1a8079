package org.ombud.intake;

import org.ombud.cases.CaseView;

/** What the person gets at once: the case number and the secret of the private status link. */
public record Receipt(CaseView caseView, String statusToken) {

	public String number() {
		return caseView.number();
	}
}
