package org.ombud.intake;

import java.util.List;

import org.ombud.cases.CaseView;
import org.ombud.cases.Evidence;
import org.ombud.conversations.Message;

/**
 * What the person gets at once: the case number and the secret of the private status link; also the first
 * message and the evidence stored, so that an answer about the new case needs no second look-up.
 */
public record Receipt(CaseView caseView, String statusToken, Message firstMessage, List<Evidence> evidence) {

	public Receipt {
		evidence = List.copyOf(evidence);
	}

	public String number() {
		return caseView.number();
	}
}
