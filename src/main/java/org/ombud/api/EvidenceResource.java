package org.ombud.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ombud.cases.Evidence;

/** A stored evidence file; the content type is what its bytes are. */
@Schema(name = "Evidence", description = "A stored evidence file.")
record EvidenceResource(
		@Schema(example = "17") long id,
		@Schema(example = "shot.png") String fileName,
		@Schema(description = "Detected from the file's bytes.", example = "image/png") String contentType,
		@Schema(description = "Size in bytes.", example = "48213") long size) {

	static EvidenceResource of(Evidence evidence) {
		return new EvidenceResource(evidence.id(), evidence.fileName(), evidence.contentType(), evidence.sizeBytes());
	}
}
