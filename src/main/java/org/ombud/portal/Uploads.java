package org.ombud.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.ombud.cases.EvidenceFile;
import org.springframework.web.multipart.MultipartFile;

/** Uploaded parts as evidence files. */
final class Uploads {

	private Uploads() {
	}

	/** A file input left empty still sends a part with no name and no bytes; that is no file. */
	static List<EvidenceFile> evidence(List<MultipartFile> parts) {
		if (parts == null) {
			return List.of();
		}
		return parts.stream()
			.filter(p -> !(p.isEmpty() && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
			.map(Uploads::file)
			.toList();
	}

	private static EvidenceFile file(MultipartFile part) {
		try {
			return new EvidenceFile(part.getOriginalFilename(), part.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
