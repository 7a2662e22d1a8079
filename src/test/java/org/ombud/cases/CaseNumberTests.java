package org.ombud.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class CaseNumberTests {

	@Test
	void padsToSixDigitsAndGrowsBeyond() {
		assertThat(new CaseNumber(2026, 123)).hasToString("C-2026-000123");
		assertThat(new CaseNumber(2026, 1_234_567)).hasToString("C-2026-1234567");
	}

	@Test
	void parsesWhatItPrints() {
		assertThat(CaseNumber.parse("C-2026-000123")).contains(new CaseNumber(2026, 123));
		assertThat(CaseNumber.parse(" c-2026-000123 ")).contains(new CaseNumber(2026, 123));
		assertThat(CaseNumber.parse("C-2026-1234567")).contains(new CaseNumber(2026, 1_234_567));
	}

	@Test
	void refusesMalformedNumbers() {
		assertThat(CaseNumber.parse(null)).isEmpty();
		assertThat(CaseNumber.parse("C-2026-123")).isEmpty();
		assertThat(CaseNumber.parse("C-26-000123")).isEmpty();
		assertThat(CaseNumber.parse("C-2026-000123' or 1=1")).isEmpty();
		assertThat(CaseNumber.parse("C-2026-000000")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new CaseNumber(2026, 0));
	}

	@Test
	void subjectIsTheFirstLineShortened() {
		assertThat(CaseManagement.subject("First line\nsecond")).isEqualTo("First line");
		assertThat(CaseManagement.subject("  ")).isEqualTo("—");
		String emoji = "😀".repeat(130);
		String subject = CaseManagement.subject(emoji);
		assertThat(subject.codePointCount(0, subject.length())).isEqualTo(120);
		assertThat(subject).endsWith("…");
	}
}
