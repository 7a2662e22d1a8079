package org.ombud.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** One evidence file inside a JSON request, its bytes in Base64. */
@Schema(name = "EvidenceUpload", description = "A file attached as evidence. Its bytes must be what its name says "
		+ "(a script renamed to .png is refused).")
record EvidenceUpload(
		@Schema(description = "File name with extension.", example = "shot.png", requiredMode = Schema.RequiredMode.REQUIRED) String fileName,
		@Schema(description = "The file's bytes in standard Base64 (RFC 4648 §4; line breaks are ignored).",
				example = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
				format = "byte", requiredMode = Schema.RequiredMode.REQUIRED) String contentBase64) {
}
