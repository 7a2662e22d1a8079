package org.ombud.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** One page of cases, newest first. */
@Schema(name = "CaseList", description = "One page of cases, newest first.")
record CaseList(
		List<CaseSummary> items,
		@Schema(description = "Page number, from 0.", example = "0") int page,
		@Schema(description = "Page size (at most 200).", example = "50") int size,
		@Schema(description = "How many cases match the filters in all.", example = "123") long total) {
}
