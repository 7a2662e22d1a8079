package org.ombud.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.support.FakeTelegram.Updates.nextId;
import static org.ombud.support.FakeTelegram.Updates.privateMessage;
import static org.ombud.support.FakeTelegram.Updates.user;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseView;
import org.ombud.cases.Categories;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageKind;
import org.ombud.support.FakeTelegram;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.node.ObjectNode;

/** A person writes to a bot: a case opens at once and the number comes back in their language. */
class TelegramPrivateChatTests extends TelegramTestSupport {

	@Autowired
	Categories categories;

	@Test
	void aMessageOpensACaseAndTheNumberComesBackInThePersonsLanguage() {
		String[] bot = webhookBot();
		record Person(String language, String expected) {
		}
		for (Person person : List.of(new Person("ru", "Спасибо, мы получили ваше обращение. Его номер "),
				new Person("zh", "谢谢，我们已收到您的请求，编号为 "),
				new Person("en", "Thank you, we have received your request. Its number is "),
				new Person("de", "Thank you, we have received your request. Its number is "))) {
			long userId = newUserId();
			ObjectNode update = privateMessage(nextId(), 17, user(userId, "Ирина", person.language()),
					"Мой аккаунт взломали, помогите");
			assertThat(post(bot, update)).isEqualTo(200);

			CaseView c = caseOf(bot, userId);
			assertThat(c.channel()).isEqualTo("telegram");
			assertThat(categories.category(c.categoryId()).orElseThrow().key()).isEqualTo("other");
			assertThat(c.subject()).isEqualTo("Мой аккаунт взломали, помогите");
			assertThat(contacts.contact(c.contactId()).orElseThrow().displayName()).isEqualTo("Ирина");
			List<FakeTelegram.Call> sent = awaitSent(bot[0], String.valueOf(userId), 1);
			assertThat(sent.get(0).text()).startsWith(person.expected() + c.number());
			assertThat(sent.get(0).parameters().path("reply_parameters").path("message_id").asLong()).isEqualTo(17);
		}
	}

	@Test
	void laterMessagesJoinTheOpenCaseAndAReplayedUpdateChangesNothing() {
		String[] bot = webhookBot();
		long userId = newUserId();
		ObjectNode from = user(userId, "Wang", "zh");
		assertThat(post(bot, privateMessage(nextId(), 1, from, "第一条"))).isEqualTo(200);
		ObjectNode second = privateMessage(nextId(), 2, from, "第二条");
		assertThat(post(bot, second)).isEqualTo(200);
		assertThat(post(bot, second)).isEqualTo(200);

		CaseView c = caseOf(bot, userId);
		List<Message> messages = cases.publicMessages(c);
		assertThat(messages).extracting(Message::body).containsExactly("第一条", "第二条");
		assertThat(messages).extracting(Message::kind).containsOnly(MessageKind.INBOUND);
		assertThat(cases.timeline(c.id(), false)).filteredOn(e -> e.message() != null).hasSize(2);
		awaitSent(bot[0], String.valueOf(userId), 1);
		// only the first message is answered with the number
		assertThat(telegram.sent(bot[0], String.valueOf(userId))).hasSize(1);
	}
}
