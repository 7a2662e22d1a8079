package org.ombud.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ombud.live.LiveSignal;

/** The text of one NOTIFY: what a node sends is what the others read back, and nothing else passes. */
class LivePayloadTests {

	@Test
	void aSignalTravelsAsCompactText() {
		LivePayload payload = new LivePayload("a1b2c3", LiveSignal.caseChanged(123, 4L));
		assertThat(payload.text()).isEqualTo("a1b2c3;case;123;4");
		assertThat(LivePayload.parse(payload.text())).contains(payload);
	}

	@Test
	void anUnknownTeamTravelsAsNothing() {
		LivePayload payload = new LivePayload("n", LiveSignal.conversation(9, null));
		assertThat(payload.text()).isEqualTo("n;conversation;9;");
		assertThat(LivePayload.parse(payload.text())).contains(payload);
	}

	@Test
	void whatIsNotASignalIsIgnored() {
		assertThat(LivePayload.parse(null)).isEmpty();
		assertThat(LivePayload.parse("")).isEmpty();
		assertThat(LivePayload.parse("hello")).isEmpty();
		assertThat(LivePayload.parse("n;case;x;1")).isEmpty();
		assertThat(LivePayload.parse("n;case;1;team")).isEmpty();
		assertThat(LivePayload.parse("n;Case<script>;1;1")).isEmpty();
		assertThat(LivePayload.parse("n;case;1;1;extra")).isEmpty();
		assertThat(LivePayload.parse("bad node;case;1;1")).isEmpty();
	}
}
