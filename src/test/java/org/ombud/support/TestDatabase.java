package org.ombud.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application context at the database chosen for the run: a fresh in-memory H2 (PostgreSQL
 * mode) by default, or the PostgreSQL in {@code OMBUD_TEST_PG_URL} when {@code -Dombud.test.db=postgresql}.
 */
public class TestDatabase implements EnvironmentPostProcessor {

	/** Set on a context's properties to open the database another context already uses. */
	public static final String SHARED_URL = "ombud.test.shared-database-url";

	public static boolean postgres() {
		return "postgresql".equals(System.getProperty("ombud.test.db"));
	}

	public static String pgUrl() {
		String url = System.getenv("OMBUD_TEST_PG_URL");
		return url == null || url.isBlank() ? "jdbc:postgresql://127.0.0.1:5432/ombud_test" : url;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> props = new HashMap<>();
		String shared = environment.getProperty(SHARED_URL);
		if (shared != null) {
			// a second application on the database of a first (a restart, a second node)
			props.put("spring.datasource.url", shared);
			props.put("spring.datasource.username", postgres() ? System.getenv().getOrDefault("OMBUD_TEST_PG_USER", "postgres") : "sa");
			props.put("spring.datasource.password", postgres() ? System.getenv().getOrDefault("OMBUD_TEST_PG_PASSWORD", "") : "");
		}
		else if (postgres()) {
			props.put("spring.datasource.url", pgUrl());
			props.put("spring.datasource.username", System.getenv().getOrDefault("OMBUD_TEST_PG_USER", "postgres"));
			props.put("spring.datasource.password", System.getenv().getOrDefault("OMBUD_TEST_PG_PASSWORD", ""));
		}
		else {
			// two contexts that play one desk before and after a restart share a named in-memory database
			String name = environment.getProperty("ombud.test.h2-name", "ombud-" + UUID.randomUUID());
			props.put("spring.datasource.url", "jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
			props.put("spring.datasource.username", "sa");
			props.put("spring.datasource.password", "");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("ombud-test-database", props));
	}
}
