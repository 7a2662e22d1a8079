package org.ombud.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the API is, how to authenticate, the answer shared by all operations. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Ombud API", version = "v1",
		description = """
				REST API of the Ombud complaint and support desk, for the platform's own app and for integrators. \
				JSON in and out (UTF-8; fields this version does not know are ignored); every error is an RFC 9457 \
				problem (`application/problem+json`) whose `title` and `detail` follow `Accept-Language` (en, ru, \
				zh), with the message key in `code` and, for invalid input, the fields in `errors`. Authenticate with \
				`Authorization: Bearer <token>`; admins create tokens in the console.""",
		license = @License(name = "Open source")))
@SecurityScheme(name = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
		bearerFormat = "opaque (omb_…)",
		description = "An API token created by an admin in the console; it is shown once. Send it as "
				+ "`Authorization: Bearer <token>`. A revoked token is refused. Each token has scopes: `cases:read` "
				+ "for the GET operations, `cases:write` for opening cases and writing on them; a call outside the "
				+ "token's scopes is refused with 403.")
class ApiDocumentation {

	static final String BEARER = "bearer";

	static final String UNAUTHORIZED = "#/components/responses/Unauthorized";

	@Bean
	OpenApiCustomizer ombudUnauthorizedResponse() {
		return openApi -> {
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addResponses("Unauthorized", new ApiResponse()
					.description("No token, an unknown token or a revoked token.")
					.addHeaderObject("WWW-Authenticate",
							new io.swagger.v3.oas.models.headers.Header().schema(new Schema<String>().type("string").example("Bearer")))
					.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))
								.example(ApiExamples.UNAUTHORIZED_PROBLEM))));
		};
	}
}
