package org.ombud.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of every test application context: the wall clock plus an offset that a test can move forward, so
 * deadlines can be reached without sleeping. It keeps ticking, so code that waits for "now" still sees time pass.
 */
public final class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	private final Clock base;

	public TestClock() {
		this(Clock.systemUTC());
	}

	private TestClock(Clock base) {
		this.base = base;
	}

	/** Moves this clock forward (or back, with a negative amount). */
	public void shift(Duration amount) {
		offset.updateAndGet(o -> o.plus(amount));
	}

	/** Makes this clock read {@code instant} now and tick on from there. */
	public void set(Instant instant) {
		offset.set(Duration.between(base.instant(), instant));
	}

	/** Back to the wall clock. */
	public void reset() {
		offset.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		return base.instant().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		// a zoned view that follows this clock's offset
		TestClock outer = this;
		return new Clock() {
			@Override
			public Instant instant() {
				return outer.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return outer.withZone(other);
			}
		};
	}
}
