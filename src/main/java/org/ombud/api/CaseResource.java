package org.ombud.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.Priority;

/** A case as the API shows it, with its public messages and its evidence. */
@Schema(name = "Case", description = "A case with its public messages (never internal notes) and evidence.")
record CaseResource(
		@Schema(description = "The case's public number.", example = "C-2026-000123") String number,
		@Schema(description = "Where the case stands.") CaseStatus status,
		Priority priority,
		@Schema(description = "Channel it came in by (api, webform, phone, email…).", example = "api") String channel,
		@Schema(description = "Category key.", example = "content") String category,
		@Schema(description = "Subcategory key.", example = "games", nullable = true) String subcategory,
		@Schema(description = "Key of the team the case is routed to.", example = "content") String team,
		@Schema(description = "User name of the responsible agent, null while unassigned.", example = "anna",
				nullable = true) String assignee,
		@Schema(description = "First line of the description, shortened.", example = "Игрок оскорбляет в чате") String subject,
		@Schema(example = "https://social.example/games/room/42", nullable = true) String reportedObject,
		@Schema(description = "Language of replies to the complainant.", example = "ru") String locale,
		Instant createdAt,
		Instant updatedAt,
		@Schema(nullable = true) Instant resolvedAt,
		@Schema(nullable = true) Instant closedAt,
		@Schema(description = "The complainant's private status page. Only in the response that created the case "
				+ "(it is stored only as a hash, so neither reads nor idempotent replays can show it again).",
				example = "https://desk.example/status/Xk3…", nullable = true)
		@JsonInclude(JsonInclude.Include.NON_NULL) String statusUrl,
		@Schema(description = "Public messages, oldest first.") List<MessageResource> messages,
		@Schema(description = "Evidence files, oldest first.") List<EvidenceResource> evidence,
		@Schema(description = "The case's SLA clocks: those still counting first (soonest due first), then the "
				+ "paused, then those that stopped.") List<ClockResource> clocks,
		@Schema(description = "Missed SLA targets, oldest first.") List<BreachResource> breaches) {
}
