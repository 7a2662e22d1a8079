package org.ombud.cases;

/** A new case and the secret of its private status link, handed out once. */
public record OpenedCase(CaseView view, String statusToken) {
}
