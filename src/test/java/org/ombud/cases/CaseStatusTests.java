package org.ombud.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.cases.CaseStatus.*;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class CaseStatusTests {

	@Test
	void followsTheWorkingPathForward() {
		assertThat(NEW.canTransitionTo(TRIAGED)).isTrue();
		assertThat(TRIAGED.canTransitionTo(INVESTIGATING)).isTrue();
		assertThat(INVESTIGATING.canTransitionTo(AWAITING_COMPLAINANT)).isTrue();
		assertThat(AWAITING_COMPLAINANT.canTransitionTo(RESOLVED)).isTrue();
		assertThat(RESOLVED.canTransitionTo(CLOSED)).isTrue();
	}

	@Test
	void closesOnlyOnceResolved() {
		for (CaseStatus status : EnumSet.complementOf(EnumSet.of(RESOLVED))) {
			assertThat(status.canTransitionTo(CLOSED)).as(status + " -> CLOSED").isFalse();
		}
	}

	@Test
	void reopensFromResolvedAndClosed() {
		assertThat(RESOLVED.canTransitionTo(INVESTIGATING)).isTrue();
		assertThat(CLOSED.canTransitionTo(INVESTIGATING)).isTrue();
		assertThat(CLOSED.next()).containsExactly(INVESTIGATING);
	}

	@Test
	void neverGoesBackToNew() {
		for (CaseStatus status : CaseStatus.values()) {
			assertThat(status.canTransitionTo(NEW)).as(status + " -> NEW").isFalse();
		}
	}

	@Test
	void openMeansBeforeResolution() {
		assertThat(EnumSet.allOf(CaseStatus.class).stream().filter(CaseStatus::isOpen))
			.containsExactlyInAnyOrder(NEW, TRIAGED, INVESTIGATING, AWAITING_COMPLAINANT);
	}
}
