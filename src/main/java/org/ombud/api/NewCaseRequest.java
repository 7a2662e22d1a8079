package org.ombud.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** A new case as the platform's app sends it. */
@Schema(name = "NewCase", description = "A complaint or support request from a user of the platform.")
record NewCaseRequest(
		@Schema(description = "Key of an active category (see the catalogue in the console).", example = "content",
				requiredMode = Schema.RequiredMode.REQUIRED) String category,
		@Schema(description = "Key of an active subcategory of that category; optional.", example = "games",
				nullable = true) String subcategory,
		@Schema(description = "What happened, in the person's own words; stored exactly as sent. "
				+ "Its first line becomes the case's subject.", example = "Игрок оскорбляет в чате / A player insults others in chat",
				maxLength = 10000, requiredMode = Schema.RequiredMode.REQUIRED) String description,
		@Schema(description = "Link to or id of the content or account complained about.",
				example = "https://social.example/games/room/42", maxLength = 2048, nullable = true) String reportedObject,
		@Schema(description = "Priority; NORMAL when absent.", allowableValues = { "LOW", "NORMAL", "HIGH", "URGENT" },
				defaultValue = "NORMAL", nullable = true) String priority,
		@Schema(description = "Who complains: at least one of email, phone and platformUserId.",
				requiredMode = Schema.RequiredMode.REQUIRED) ComplainantRequest complainant,
		@ArraySchema(schema = @Schema(implementation = EvidenceUpload.class),
				arraySchema = @Schema(description = "Screenshots or documents (PNG, JPEG, GIF, WebP, PDF); "
						+ "at most 5 files of at most 10 MB each by default.", nullable = true)) List<EvidenceUpload> evidence) {
}
