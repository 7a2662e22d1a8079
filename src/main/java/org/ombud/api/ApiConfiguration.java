package org.ombud.api;

import java.util.List;

import org.ombud.audit.AuditLog;
import org.ombud.audit.AuditedReads;
import org.ombud.cases.EvidencePolicy;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/** The API's request size cap and its strict reading of JSON. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

	// room for the text fields next to the evidence: 10,000 emoji sent as escaped surrogate pairs take 120 KB
	static final long TEXT_ALLOWANCE = 1024 * 1024;

	private final JsonMapper json;

	private final AuditLog audit;

	ApiConfiguration(JsonMapper json, AuditLog audit) {
		this.json = json;
		this.audit = audit;
	}

	/** An API client reading a case (with the complainant's messages and evidence) goes on the audit log. */
	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AuditedReads(audit).read("/api/v1/cases/{number}", AuditLog.CASE_VIEWED, "case",
				"number"))
			.addPathPatterns("/api/v1/cases/*");
	}

	/** The largest body the evidence policy could accept (its files in Base64), plus the text fields. */
	static long maxBodyBytes(EvidencePolicy policy) {
		long base64PerFile = (policy.maxBytes() + 2) / 3 * 4;
		return policy.maxFiles() * base64PerFile + TEXT_ALLOWANCE;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimit> apiRequestSizeLimit(EvidencePolicy policy) {
		FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
				new RequestSizeLimit(maxBodyBytes(policy)));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/**
	 * The API's request bodies are read strictly: a number or boolean where text belongs is a wrong type (400), not
	 * quietly turned into text; trailing content after the JSON value is an error. Other JSON in the app is read
	 * as before.
	 */
	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		JsonMapper strict = json.rebuild()
			.withCoercionConfig(LogicalType.Textual,
					config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
		for (HttpMessageConverter<?> converter : converters) {
			if (converter instanceof JacksonJsonHttpMessageConverter jackson) {
				for (Class<?> type : List.of(NewCaseRequest.class, NewMessageRequest.class)) {
					jackson.registerMappersForType(type, mappers -> mappers.put(MediaType.APPLICATION_JSON, strict));
				}
			}
		}
	}
}
