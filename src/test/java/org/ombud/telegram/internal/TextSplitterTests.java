package org.ombud.telegram.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextSplitterTests {

	@Test
	void shortTextIsOnePart() {
		assertThat(TextSplitter.split("  Hello  ")).containsExactly("Hello");
		assertThat(TextSplitter.split(" ")).isEmpty();
	}

	@Test
	void cutsAtAParagraphThenALineThenASentenceThenASpace() {
		assertThat(TextSplitter.split("aaaa bbbb\n\ncccc", 12)).containsExactly("aaaa bbbb", "cccc");
		assertThat(TextSplitter.split("aaaa bbbb\ncccc", 12)).containsExactly("aaaa bbbb", "cccc");
		assertThat(TextSplitter.split("Aaaaaaa. Bbb cc", 12)).containsExactly("Aaaaaaa.", "Bbb cc");
		assertThat(TextSplitter.split("aaaa bbbb cccc", 12)).containsExactly("aaaa bbbb", "cccc");
		assertThat(TextSplitter.split("第一句。第二句。第三句", 9)).containsExactly("第一句。第二句。", "第三句");
	}

	@Test
	void neverCutsASurrogatePairAndNeverExceedsTheLimit() {
		String emoji = "😀".repeat(10);
		List<String> parts = TextSplitter.split(emoji, 5);
		assertThat(String.join("", parts)).isEqualTo(emoji);
		assertThat(parts).allSatisfy(p -> {
			assertThat(p.length()).isLessThanOrEqualTo(5);
			assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
		});
		String words = "word ".repeat(3000);
		assertThat(TextSplitter.split(words)).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
	}
}
