package org.ombud.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ombud.shared.SqlTime;
import org.ombud.shared.Throttle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing: a user name with {@code max-failures} failed logins within {@code window} is
 * locked for {@code lockout} (on every node: the count lives in the database), and one address may try only so
 * many logins in ten minutes (per node). A successful login clears the count.
 */
@Component
class LoginGuard {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	private final Duration lockout;

	private final Throttle perAddress;

	LoginGuard(JdbcClient jdbc, Clock clock, @Value("${ombud.login.max-failures:5}") int maxFailures,
			@Value("${ombud.login.window:15m}") Duration window, @Value("${ombud.login.lockout:15m}") Duration lockout,
			@Value("${ombud.login.per-address:30}") int perAddress) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.window = window;
		this.lockout = lockout;
		this.perAddress = new Throttle(perAddress, Duration.ofMinutes(10), clock);
	}

	/** How long this attempt must wait, if at all: the name is locked, or the address tried too often. */
	Optional<Duration> refusal(String username, String address) {
		Duration wait = perAddress.take(address == null ? "" : address);
		if (!wait.isZero()) {
			return Optional.of(wait);
		}
		Instant now = clock.instant();
		return jdbc.sql("select locked_until from login_lockouts where username = ?")
			.param(key(username))
			.query((rs, n) -> SqlTime.get(rs, "locked_until"))
			.optional()
			.filter(until -> until != null && until.isAfter(now))
			.map(until -> Duration.between(now, until));
	}

	@EventListener
	@Transactional
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String username = key(event.getAuthentication().getName());
		Instant now = clock.instant();
		record Count(int failures, Instant windowStart) {
		}
		Optional<Count> count = jdbc.sql("select failures, window_start from login_lockouts where username = ? for update")
			.param(username)
			.query((rs, n) -> new Count(rs.getInt(1), SqlTime.get(rs, "window_start")))
			.optional();
		if (count.isEmpty()) {
			int inserted = jdbc.sql("""
					insert into login_lockouts (username, failures, window_start) values (?, 1, ?)
					on conflict do nothing""").params(username, SqlTime.param(now)).update();
			if (inserted == 1) {
				lockIfDue(username, 1, now);
				return;
			}
			failed(event);
			return;
		}
		boolean fresh = count.get().windowStart().plus(window).isBefore(now);
		int failures = fresh ? 1 : count.get().failures() + 1;
		jdbc.sql("update login_lockouts set failures = ?, window_start = ? where username = ?")
			.params(failures, SqlTime.param(fresh ? now : count.get().windowStart()), username)
			.update();
		lockIfDue(username, failures, now);
	}

	private void lockIfDue(String username, int failures, Instant now) {
		if (failures >= maxFailures) {
			// locked from the last failure on; the count starts again after the lockout
			jdbc.sql("update login_lockouts set locked_until = ?, failures = 0, window_start = ? where username = ?")
				.params(SqlTime.param(now.plus(lockout)), SqlTime.param(now.plus(lockout)), username)
				.update();
		}
	}

	@EventListener
	@Transactional
	void succeeded(AuthenticationSuccessEvent event) {
		jdbc.sql("delete from login_lockouts where username = ?").param(key(event.getAuthentication().getName())).update();
	}

	private static String key(String username) {
		String name = username == null ? "" : username.trim().toLowerCase();
		return name.length() > 200 ? name.substring(0, 200) : name;
	}
}
