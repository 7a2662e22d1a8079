package org.ombud.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.Priority;

/** A case in a list: everything but its messages and evidence. */
@Schema(name = "CaseSummary", description = "A case in a list; GET /api/v1/cases/{number} adds its messages and evidence.")
record CaseSummary(
		@Schema(example = "C-2026-000123") String number,
		CaseStatus status,
		Priority priority,
		@Schema(example = "api") String channel,
		@Schema(example = "content") String category,
		@Schema(example = "games", nullable = true) String subcategory,
		@Schema(example = "content") String team,
		@Schema(example = "anna", nullable = true) String assignee,
		@Schema(example = "Игрок оскорбляет в чате") String subject,
		@Schema(nullable = true) String reportedObject,
		@Schema(example = "ru") String locale,
		Instant createdAt,
		Instant updatedAt,
		@Schema(nullable = true) Instant resolvedAt,
		@Schema(nullable = true) Instant closedAt) {
}
