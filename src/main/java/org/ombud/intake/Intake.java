package org.ombud.intake;

import java.util.ArrayList;
import java.util.List;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.OpenCase;
import org.ombud.cases.OpenedCase;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.shared.Languages;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a submission into a case in one transaction: checks it, identifies the contact, opens the
 * conversation with the person's message, opens the case. Either all of it is stored or nothing.
 */
@Service
public class Intake {

	public static final int MAX_NAME = 200;

	public static final int MAX_PLATFORM_ID = 200;

	private final Contacts contacts;

	private final Conversations conversations;

	private final CaseManagement cases;

	Intake(Contacts contacts, Conversations conversations, CaseManagement cases) {
		this.contacts = contacts;
		this.conversations = conversations;
		this.cases = cases;
	}

	@Transactional
	public Receipt submit(Submission s) {
		List<Rejection> problems = new ArrayList<>();
		List<ChannelIdentity> identities = new ArrayList<>();
		if (s.email() != null && !s.email().isBlank()) {
			ContactDetails.email(s.email())
				.ifPresentOrElse(e -> identities.add(new ChannelIdentity(ChannelIdentity.EMAIL, e)),
						() -> problems.add(Rejection.of("email", "error.email")));
		}
		if (s.phone() != null && !s.phone().isBlank()) {
			ContactDetails.phone(s.phone())
				.ifPresentOrElse(p -> identities.add(new ChannelIdentity(ChannelIdentity.PHONE, p)),
						() -> problems.add(Rejection.of("phone", "error.phone")));
		}
		if (s.platformUserId() != null && !s.platformUserId().isBlank()) {
			if (s.platformUserId().length() > MAX_PLATFORM_ID || s.platformUserId().chars().anyMatch(Character::isISOControl)) {
				problems.add(Rejection.of("platformUserId", "error.length", 1, MAX_PLATFORM_ID));
			}
			else {
				identities.add(new ChannelIdentity(ChannelIdentity.PLATFORM, s.platformUserId().strip()));
			}
		}
		if (identities.isEmpty() && problems.isEmpty()) {
			problems.add(Rejection.of("email", "error.contact.required"));
		}
		if (s.name() != null && s.name().length() > MAX_NAME) {
			problems.add(Rejection.of("name", "error.length", 0, MAX_NAME));
		}
		if (s.description() == null || s.description().isBlank()) {
			problems.add(Rejection.of("description", "error.required"));
		}
		else if (s.description().length() > Conversations.MAX_MESSAGE_LENGTH) {
			problems.add(Rejection.of("description", "error.length", 1, Conversations.MAX_MESSAGE_LENGTH));
		}
		if (s.category() == null || s.category().isBlank()) {
			problems.add(Rejection.of("category", "error.required"));
		}
		if (s.reportedObject() != null && s.reportedObject().chars().anyMatch(Character::isISOControl)) {
			problems.add(Rejection.of("reportedObject", "error.reportedObject"));
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		String locale = Languages.of(s.locale());
		long contactId = contacts.identify(identities, s.name(), locale);
		Message first = conversations.start(s.channel(), contactId, s.description());
		OpenedCase opened = cases.open(new OpenCase(contactId, first.conversationId(), s.channel(), s.category(),
				s.subcategory(), s.priority(), s.description(), s.reportedObject(), locale, first.id(), s.evidence(),
				s.actor()));
		return new Receipt(opened.view(), opened.statusToken(), first, opened.evidence());
	}
}
