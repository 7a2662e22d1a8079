package org.ombud.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ombud.cases.EvidenceFile;
import org.ombud.cases.EvidencePolicy;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;

/**
 * Where in the JSON request a domain refusal points. Intake names the complainant's fields flat
 * ({@code email}); the API nests them ({@code complainant.email}). A refused evidence file is found by its name.
 */
final class FieldPaths {

	private static final Map<String, String> COMPLAINANT = Map.of("name", "complainant.name", "email",
			"complainant.email", "phone", "complainant.phone", "platformUserId", "complainant.platformUserId",
			"locale", "complainant.locale");

	private FieldPaths() {
	}

	/** The refusal of a new case, its fields renamed to JSON paths of the request. */
	static Rejected ofNewCase(Rejected rejected, List<EvidenceFile> files) {
		return rename(rejected, files, COMPLAINANT);
	}

	/** The refusal of a new message, its fields renamed to JSON paths of the request. */
	static Rejected ofNewMessage(Rejected rejected, List<EvidenceFile> files) {
		return rename(rejected, files, Map.of());
	}

	private static Rejected rename(Rejected rejected, List<EvidenceFile> files, Map<String, String> names) {
		List<Rejection> renamed = new ArrayList<>();
		int nextFile = 0;
		for (Rejection r : rejected.rejections()) {
			String field = r.field();
			if ("evidence".equals(field)) {
				// the policy refuses files in order and names each in its first argument; the count concerns the list
				int index = r.messageKey().equals("error.evidence.count") || r.args().isEmpty() ? -1
						: indexOf(files, String.valueOf(r.args().get(0)), nextFile);
				if (index >= 0) {
					field = "evidence[" + index + "]";
					nextFile = index + 1;
				}
			}
			else if (field != null) {
				field = names.getOrDefault(field, field);
			}
			renamed.add(new Rejection(field, r.messageKey(), r.args()));
		}
		return new Rejected(renamed);
	}

	private static int indexOf(List<EvidenceFile> files, String safeName, int from) {
		for (int i = from; i < files.size(); i++) {
			if (EvidencePolicy.safeName(files.get(i).fileName()).equals(safeName)) {
				return i;
			}
		}
		return -1;
	}
}
