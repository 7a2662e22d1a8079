package org.ombud.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactDetailsTests {

	@Test
	void acceptsUsualAndInternationalAddresses() {
		assertThat(ContactDetails.email(" Jamie.Fox+desk@Example.COM ")).contains("jamie.fox+desk@example.com");
		assertThat(ContactDetails.email("иван@пример.рф")).contains("иван@пример.рф");
	}

	@Test
	void refusesWhatCannotBeAnAddress() {
		assertThat(ContactDetails.email("no-at-sign")).isEmpty();
		assertThat(ContactDetails.email("a@b")).isEmpty();
		assertThat(ContactDetails.email("a..b@example.com")).isEmpty();
		assertThat(ContactDetails.email("<script>@example.com")).isEmpty();
		assertThat(ContactDetails.email("a b@example.com")).isEmpty();
		assertThat(ContactDetails.email("x".repeat(65) + "@example.com")).isEmpty();
	}

	@Test
	void normalisesPhonesToE164() {
		assertThat(ContactDetails.phone("+7 (916) 123-45-67")).contains("+79161234567");
		assertThat(ContactDetails.phone("0086 138 0013 8000")).contains("+8613800138000");
		assertThat(ContactDetails.phone("+44 20 7946 0958")).contains("+442079460958");
	}

	@Test
	void refusesBadPhones() {
		assertThat(ContactDetails.phone("12345")).isEmpty();
		assertThat(ContactDetails.phone("+7 000")).isEmpty();
		assertThat(ContactDetails.phone("call me")).isEmpty();
		assertThat(ContactDetails.phone("8 916 123 45 67")).as("no country code").isEmpty();
	}
}
