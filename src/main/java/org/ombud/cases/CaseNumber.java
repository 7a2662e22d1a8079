package org.ombud.cases;

import java.util.Optional;
import java.util.regex.Pattern;

/** The public number a person gets at once: {@code C-<year>-<6 or more digits>}. */
public record CaseNumber(int year, long sequence) {

	private static final Pattern FORMAT = Pattern.compile("C-(\\d{4})-(\\d{6,18})");

	public CaseNumber {
		if (year < 1000 || year > 9999 || sequence < 1) {
			throw new IllegalArgumentException("bad case number parts");
		}
	}

	public static Optional<CaseNumber> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		var m = FORMAT.matcher(text.trim().toUpperCase());
		if (!m.matches()) {
			return Optional.empty();
		}
		long sequence = Long.parseLong(m.group(2));
		return sequence < 1 ? Optional.empty() : Optional.of(new CaseNumber(Integer.parseInt(m.group(1)), sequence));
	}

	@Override
	public String toString() {
		return "C-%04d-%06d".formatted(year, sequence);
	}
}
