package org.ombud.intake;

import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** Checks and normalises what people type as e-mail addresses and phone numbers. */
public final class ContactDetails {

	// RFC 5321 limits, a dot in the domain, no spaces or angle brackets: strict enough to reply to
	private static final Pattern EMAIL = Pattern
		.compile("^[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?)+$");

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private ContactDetails() {
	}

	/** The address in lower case, or empty when it is not a usable address. */
	public static Optional<String> email(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String email = text.strip();
		if (email.length() > 254 || !EMAIL.matcher(email).matches() || email.contains("..")) {
			return Optional.empty();
		}
		return Optional.of(email.toLowerCase());
	}

	/** The number in E.164 ({@code +79161234567}), or empty when it is not a valid international number. */
	public static Optional<String> phone(String text) {
		if (text == null || text.isBlank() || text.length() > 32) {
			return Optional.empty();
		}
		String trimmed = text.strip();
		if (trimmed.startsWith("00")) {
			trimmed = "+" + trimmed.substring(2);
		}
		try {
			var number = PHONES.parse(trimmed, "ZZ");
			if (!PHONES.isValidNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
	}
}
