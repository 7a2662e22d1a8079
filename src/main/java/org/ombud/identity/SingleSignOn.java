package org.ombud.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether agents may log in through an OpenID Connect provider ({@code ombud.sso.issuer-uri} set), and the
 * name the login page gives it.
 */
@Component
public class SingleSignOn {

	/** Where the login page's button leads: the start of the provider's login. */
	public static final String START = "/oauth2/authorization/sso";

	private final boolean enabled;

	private final String name;

	SingleSignOn(@Value("${ombud.sso.issuer-uri:}") String issuerUri, @Value("${ombud.sso.name:SSO}") String name) {
		this.enabled = !issuerUri.isBlank();
		this.name = name.isBlank() ? "SSO" : name;
	}

	public boolean enabled() {
		return enabled;
	}

	public String name() {
		return name;
	}
}
