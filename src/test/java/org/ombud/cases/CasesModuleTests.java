package org.ombud.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseEvents.CaseOpened;
import org.ombud.cases.CaseEvents.CaseStatusChanged;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.Message;
import org.ombud.shared.Actor;
import org.ombud.shared.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;

/** The cases module started with only what it depends on: opening and moving a case publish their events. */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
class CasesModuleTests {

	@Autowired
	CaseManagement cases;

	@Autowired
	Contacts contacts;

	@Autowired
	Conversations conversations;

	@Test
	void openingAndMovingACasePublishTheirEvents(AssertablePublishedEvents events) {
		long contact = contacts.identify(
				List.of(new ChannelIdentity(ChannelIdentity.EMAIL, "module-" + Tokens.random(6) + "@example.com")), null,
				"en");
		Message first = conversations.start("webform", contact, "module test");
		OpenedCase opened = cases.open(new OpenCase(contact, first.conversationId(), "webform", "account", "hacked",
				null, "module test", null, "en", first.id(), List.of(), Actor.CONTACT));

		assertThat(events).contains(CaseOpened.class)
			.matching(CaseOpened::number, opened.view().number())
			.matching(CaseOpened::teamId, opened.view().teamId());

		cases.changeStatus(opened.view().id(), CaseStatus.TRIAGED, Actor.SYSTEM);
		assertThat(events).contains(CaseStatusChanged.class)
			.matching(CaseStatusChanged::caseId, opened.view().id())
			.matching(CaseStatusChanged::to, "TRIAGED");
	}
}
