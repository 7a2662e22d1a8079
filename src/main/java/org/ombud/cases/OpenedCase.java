package org.ombud.cases;

import java.util.List;

/** A new case, the secret of its private status link (handed out once), and the evidence stored with it. */
public record OpenedCase(CaseView view, String statusToken, List<Evidence> evidence) {

	public OpenedCase {
		evidence = List.copyOf(evidence);
	}
}
