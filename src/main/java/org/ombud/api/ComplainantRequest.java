package org.ombud.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** The person behind a new case; at least one of e-mail, phone and platform user id says who. */
@Schema(name = "Complainant", description = "The person who complains. At least one of email, phone and platformUserId is required.")
record ComplainantRequest(
		@Schema(description = "Name as the person gives it.", example = "Ирина 王", maxLength = 200, nullable = true) String name,
		@Schema(description = "E-mail address.", example = "a@b.example", format = "email", nullable = true) String email,
		@Schema(description = "Phone number in international format; stored as E.164.", example = "+79161234567",
				nullable = true) String phone,
		@Schema(description = "The person's user id on the platform.", example = "u-123", maxLength = 200,
				nullable = true) String platformUserId,
		@Schema(description = "Language for replies: en, ru or zh; anything else means en.", example = "ru",
				nullable = true) String locale) {
}
