package org.ombud.identity.internal;

import java.util.Set;

import org.ombud.identity.AgentDirectory;
import org.ombud.identity.ApiTokens;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.shared.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start: the first admin (password from {@code OMBUD_ADMIN_PASSWORD}, otherwise generated and
 * printed once on the console, never logged) and the bootstrap API token from
 * {@code OMBUD_BOOTSTRAP_API_TOKEN}, stored hashed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	private final AgentDirectory agents;

	private final ApiTokens tokens;

	private final String adminPassword;

	private final String bootstrapToken;

	FirstStart(AgentDirectory agents, ApiTokens tokens, @Value("${ombud.admin.password:}") String adminPassword,
			@Value("${ombud.bootstrap.api-token:}") String bootstrapToken) {
		this.agents = agents;
		this.tokens = tokens;
		this.adminPassword = adminPassword;
		this.bootstrapToken = bootstrapToken;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (agents.agentByUsername("admin").isEmpty() && agents.countAgents() == 0) {
			boolean generated = adminPassword.isBlank();
			String password = generated ? Tokens.random(15) : adminPassword;
			agents.create(new NewAgent("admin", "Administrator", null, password, Role.ADMIN, "en", Set.of()));
			if (generated) {
				// printed, not logged: log files are collected and kept, the console of the first start is not
				System.out.printf("%n  Ombud: first admin created. Log in as 'admin' with password: %s%n"
						+ "  (shown once; set OMBUD_ADMIN_PASSWORD to choose it)%n%n", password);
			}
			else {
				log.info("First admin 'admin' created with the password from OMBUD_ADMIN_PASSWORD");
			}
		}
		if (!bootstrapToken.isBlank() && !tokens.known(bootstrapToken)) {
			tokens.create("bootstrap", null, bootstrapToken);
			log.info("API token 'bootstrap' stored from OMBUD_BOOTSTRAP_API_TOKEN");
		}
	}
}
