package org.ombud.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may do: read cases (with messages and evidence), open cases and write on them; without
 * {@code cases:all} only the cases the token opened itself, with it every case (e.g. the platform's back office).
 */
public enum ApiScope {

	CASES_READ("cases:read"), CASES_WRITE("cases:write"), CASES_ALL("cases:all");

	private final String key;

	ApiScope(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

	/** The Spring Security authority a token with this scope holds. */
	public String authority() {
		return "SCOPE_" + key;
	}

	public String messageKey() {
		return "console.admin.tokens.scope." + key.replace(':', '.');
	}

	public static Optional<ApiScope> of(String key) {
		return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
	}

	/** Scopes from their space-separated keys; unknown keys are ignored. */
	public static Set<ApiScope> parse(String keys) {
		Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
		if (keys != null) {
			Arrays.stream(keys.trim().split("\\s+")).map(ApiScope::of).flatMap(Optional::stream).forEach(scopes::add);
		}
		return scopes;
	}

	public static String format(Set<ApiScope> scopes) {
		return scopes.stream().sorted().map(ApiScope::key).collect(Collectors.joining(" "));
	}

	public static Set<ApiScope> all() {
		return EnumSet.allOf(ApiScope.class);
	}
}
