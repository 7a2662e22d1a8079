package org.ombud.api;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.ombud.cases.EvidenceFile;
import org.ombud.shared.Rejection;

/**
 * Decodes the Base64 evidence of a JSON request. Only the encoding is checked here; what the files are, how
 * many and how big is the {@link org.ombud.cases.EvidencePolicy}'s to say.
 */
final class EvidenceUploads {

	private EvidenceUploads() {
	}

	/** The decoded files; what cannot be decoded is added to {@code problems}, with its JSON path. */
	static List<EvidenceFile> decode(List<EvidenceUpload> uploads, List<Rejection> problems) {
		if (uploads == null || uploads.isEmpty()) {
			return List.of();
		}
		List<EvidenceFile> files = new ArrayList<>();
		for (int i = 0; i < uploads.size(); i++) {
			EvidenceUpload upload = uploads.get(i);
			String at = "evidence[" + i + "]";
			if (upload == null) {
				problems.add(Rejection.of(at, "error.required"));
				continue;
			}
			if (upload.fileName() == null || upload.fileName().isBlank()) {
				problems.add(Rejection.of(at + ".fileName", "error.required"));
			}
			if (upload.contentBase64() == null || upload.contentBase64().isEmpty()) {
				problems.add(Rejection.of(at + ".contentBase64", "error.required"));
				continue;
			}
			try {
				// line breaks are tolerated (MIME-style wrapping); any other stray character is an error
				byte[] bytes = Base64.getDecoder().decode(upload.contentBase64().replace("\r", "").replace("\n", ""));
				files.add(new EvidenceFile(upload.fileName(), bytes));
			}
			catch (IllegalArgumentException e) {
				problems.add(Rejection.of(at + ".contentBase64", "api.error.base64"));
			}
		}
		return files;
	}
}
