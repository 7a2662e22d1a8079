package org.ombud.cases;

import java.util.List;

import org.ombud.shared.Actor;

/** Everything needed to open a case in an existing conversation. */
public record OpenCase(long contactId, long conversationId, String channel, String categoryKey,
		String subcategoryKey, Priority priority, String subject, String reportedObject, String locale,
		long firstMessageId, List<EvidenceFile> evidence, Actor actor) {

	public OpenCase {
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
	}
}
