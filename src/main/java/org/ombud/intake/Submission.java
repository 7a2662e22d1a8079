package org.ombud.intake;

import java.util.List;

import org.ombud.cases.EvidenceFile;
import org.ombud.cases.Priority;
import org.ombud.shared.Actor;

/**
 * A new request from a person, as any channel delivers it. {@code channel} is where it came from
 * ({@code webform}, {@code api}, {@code phone}); at least one of e-mail, phone or platform user id says who.
 */
public record Submission(String channel, String name, String email, String phone, String platformUserId,
		String locale, String category, String subcategory, String description, String reportedObject,
		Priority priority, List<EvidenceFile> evidence, Actor actor) {

	public Submission {
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
	}
}
