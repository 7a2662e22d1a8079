package org.ombud.api;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** An RFC 9457 problem, as every error of the API is answered. */
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json). "
		+ "title and detail are in the language of Accept-Language (en, ru, zh).")
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiProblem(
		@Schema(description = "Identifies the kind of problem.", example = "urn:ombud:problem:validation") URI type,
		@Schema(example = "Invalid request") String title,
		@Schema(example = "400") int status,
		@Schema(example = "Some fields are not valid; see errors.") String detail,
		@Schema(description = "The path of the request.", example = "/api/v1/cases") URI instance,
		@Schema(description = "Message key of the detail, stable across languages.", example = "api.error.validation") String code,
		@Schema(description = "For validation problems: what is wrong with which field.", nullable = true) List<FieldProblem> errors) {

	/** One invalid field; {@code field} is the JSON path in the request, e.g. {@code complainant.email}. */
	@Schema(name = "FieldError")
	record FieldProblem(
			@Schema(description = "JSON path of the field, or the name of a query parameter or header.",
					example = "complainant.email") String field,
			@Schema(description = "Message key, stable across languages.", example = "error.email") String code,
			@Schema(example = "This is not a valid e-mail address.") String message) {
	}
}
