package org.ombud.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The complainant writes again on an open case, through the app. */
@Schema(name = "NewMessage", description = "A further message from the complainant on their case.")
record NewMessageRequest(
		@Schema(description = "The message, stored exactly as sent.", example = "Он снова это делает — see the new screenshot.",
				maxLength = 10000, requiredMode = Schema.RequiredMode.REQUIRED) String body,
		@ArraySchema(schema = @Schema(implementation = EvidenceUpload.class),
				arraySchema = @Schema(description = "Files attached to this message.", nullable = true)) List<EvidenceUpload> evidence) {
}
