package org.ombud.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ombud.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One address may try only so many logins in ten minutes, whichever names it tries. */
@SpringBootTest
class LoginGuardTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Test
	void anAddressThatTriesTooOftenWaitsWhateverNameItTries() {
		LoginGuard guard = new LoginGuard(jdbc, clock, 5, Duration.ofMinutes(15), Duration.ofMinutes(15), 3);
		assertThat(guard.refusal("anna", "203.0.113.7")).isEmpty();
		assertThat(guard.refusal("li", "203.0.113.7")).isEmpty();
		assertThat(guard.refusal("tom", "203.0.113.7")).isEmpty();
		assertThat(guard.refusal("maria", "203.0.113.7")).hasValueSatisfying(
				wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
		// another address is not held back
		assertThat(guard.refusal("maria", "203.0.113.8")).isEmpty();
	}
}
