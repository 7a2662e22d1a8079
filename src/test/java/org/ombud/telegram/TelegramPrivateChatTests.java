package org.ombud.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.support.FakeTelegram.Updates.callback;
import static org.ombud.support.FakeTelegram.Updates.nextId;
import static org.ombud.support.FakeTelegram.Updates.privateMessage;
import static org.ombud.support.FakeTelegram.Updates.user;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.TimelineEntry;
import org.ombud.cases.Categories;
import org.ombud.conversations.Message;
import org.ombud.conversations.MessageKind;
import org.ombud.shared.Actor;
import org.ombud.support.Await;
import org.ombud.support.FakeTelegram;
import org.ombud.support.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A person writes to a bot: a case opens at once and the number comes back in their language. */
class TelegramPrivateChatTests extends TelegramTestSupport {

	static final JsonMapper JSON = JsonMapper.builder().build();

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

	@Test
	void startShowsTheMenuAndHelpedPeopleAreCountedWithoutACase() {
		String[] bot = webhookBot();
		long userId = newUserId();
		String chat = String.valueOf(userId);
		ObjectNode from = user(userId, "Олег", "ru");
		assertThat(post(bot, privateMessage(nextId(), 1, from, "/start"))).isEqualTo(200);
		FakeTelegram.Call menu = awaitSent(bot[0], chat, 1).get(0);
		assertThat(menu.text()).startsWith("Здравствуйте! Выберите тему");
		assertThat(menu.parameters().path("reply_markup").path("inline_keyboard").toString())
			.contains("Не могу войти", "help:account-access", "Написать сотруднику", "person:");
		assertThat(conversations.chat(TelegramBots.CHANNEL, bot[1], chat)).isEmpty();

		assertThat(post(bot, callback(nextId(), from, "help:account-access"))).isEqualTo(200);
		FakeTelegram.Call article = awaitSent(bot[0], chat, 2).get(1);
		assertThat(article.text()).startsWith("Не могу войти\n\nСбросьте пароль");
		assertThat(article.parameters().path("reply_markup").toString()).contains("helped:account-access",
				"person:account-access", "Это помогло");

		ObjectNode helped = callback(nextId(), from, "helped:account-access");
		assertThat(post(bot, helped)).isEqualTo(200);
		assertThat(post(bot, helped)).isEqualTo(200);
		assertThat(post(bot, callback(nextId(), from, "helped:account-access"))).isEqualTo(200);
		HelpStats stats = bots.helpStats(bot[1]);
		assertThat(stats.peopleHelped()).isEqualTo(1);
		assertThat(stats.helpedWithoutCase()).isEqualTo(1);
		assertThat(stats.byTopic()).containsEntry("account-access", 1L);
		Await.until(Duration.ofSeconds(10), "the press answered",
				() -> telegram.calls(bot[0], "answerCallbackQuery").stream()
					.anyMatch(c -> c.parameters().path("text").asString("").equals("Рады, что помогло!")));
		// the replayed press was not answered a second time
		assertThat(telegram.calls(bot[0], "answerCallbackQuery")).hasSize(3);
	}

	@Test
	void talkToAPersonOpensACaseInTheTopicsCategory() {
		String[] bot = webhookBot();
		long userId = newUserId();
		String chat = String.valueOf(userId);
		ObjectNode from = user(userId, "Li", "zh");
		assertThat(post(bot, callback(nextId(), from, "person:account-access"))).isEqualTo(200);
		CaseView c = caseOf(bot, userId);
		assertThat(categories.category(c.categoryId()).orElseThrow().key()).isEqualTo("account");
		assertThat(cases.publicMessages(c)).extracting(Message::body).containsExactly("联系人工客服：无法登录");
		assertThat(awaitSent(bot[0], chat, 1).get(0).text()).startsWith("谢谢，我们已收到您的请求，编号为 " + c.number());

		assertThat(post(bot, callback(nextId(), from, "person:"))).isEqualTo(200);
		assertThat(awaitSent(bot[0], chat, 2).get(1).text()).isEqualTo("您的请求 " + c.number() + " 正在处理中。请在此留言，客服会回复您。");
		assertThat(bots.helpStats(bot[1]).helpedWithoutCase()).isZero();
	}

	@Test
	void photosAndDocumentsBecomeEvidenceAndRefusedFilesAreNoted() {
		String[] bot = webhookBot();
		long userId = newUserId();
		String chat = String.valueOf(userId);
		ObjectNode from = user(userId, "Anna", "en");
		String photoId = "ph" + nextId();
		String pdfId = "doc" + nextId();
		String bigId = "big" + nextId();
		String scriptId = "js" + nextId();
		telegram.file(photoId, SampleFiles.jpeg(), null);
		telegram.file(pdfId, SampleFiles.pdf(), null);
		telegram.file(bigId, SampleFiles.png(), 30L * 1024 * 1024);
		telegram.file(scriptId, SampleFiles.scriptPretendingToBePng(), null);

		ObjectNode photo = privateMessage(nextId(), 1, from, null);
		((ObjectNode) photo.get("message")).put("caption", "This is the stream");
		((ObjectNode) photo.get("message")).set("photo", JSON.createArrayNode()
			.add(JSON.createObjectNode().put("file_id", "thumb").put("file_unique_id", "t1").put("width", 90).put("height", 90))
			.add(JSON.createObjectNode().put("file_id", photoId).put("file_unique_id", "u1").put("width", 4).put("height", 4)));
		assertThat(post(bot, photo)).isEqualTo(200);
		CaseView c = caseOf(bot, userId);
		assertThat(cases.evidence(c.id())).singleElement().satisfies(e -> {
			assertThat(e.contentType()).isEqualTo("image/jpeg");
			assertThat(e.messageId()).isEqualTo(cases.publicMessages(c).get(0).id());
		});
		assertThat(cases.publicMessages(c).get(0).body()).isEqualTo("This is the stream");

		assertThat(post(bot, document(nextId(), 2, from, pdfId, "receipt.pdf", null))).isEqualTo(200);
		assertThat(post(bot, document(nextId(), 3, from, bigId, "huge.png", 30L * 1024 * 1024))).isEqualTo(200);
		assertThat(post(bot, document(nextId(), 4, from, scriptId, "cat.png", null))).isEqualTo(200);

		assertThat(cases.evidence(c.id())).extracting(e -> e.fileName()).containsExactly("photo-u1.jpg", "receipt.pdf");
		List<String> refused = cases.timeline(c.id(), false).stream()
			.filter(e -> e.kind() == TimelineEntry.Kind.EVIDENCE_REFUSED)
			.map(TimelineEntry::newValue)
			.toList();
		assertThat(refused).hasSize(2);
		assertThat(refused.get(0)).startsWith("huge.png: huge.png is larger than 10 MB");
		assertThat(refused.get(1)).startsWith("cat.png: The file cat.png is not an image");
		// the oversized file was never downloaded
		assertThat(telegram.calls(bot[0], "getFile")).noneMatch(call -> call.parameters().path("file_id").asString().equals(bigId));
		List<FakeTelegram.Call> sent = awaitSent(bot[0], chat, 3);
		assertThat(sent.get(1).text()).isEqualTo(
				"We could not accept the file huge.png: we take images (PNG, JPEG, GIF, WebP), PDF, voice messages and videos up to 10 MB.");
		assertThat(sent.get(2).text()).startsWith("We could not accept the file cat.png");
		assertThat(cases.publicMessages(c)).extracting(Message::body)
			.containsExactly("This is the stream", "📎 receipt.pdf", "📎 huge.png", "📎 cat.png");

		// a voice message and a video note are evidence too, checked by their bytes like any file
		String voiceId = "voice" + nextId();
		String noteId = "note" + nextId();
		telegram.file(voiceId, SampleFiles.oggOpus(), null);
		telegram.file(noteId, SampleFiles.mp4(), null);
		ObjectNode voice = privateMessage(nextId(), 5, from, null);
		((ObjectNode) voice.get("message")).set("voice", JSON.createObjectNode().put("file_id", voiceId)
			.put("file_unique_id", "v1").put("duration", 3).put("mime_type", "audio/ogg"));
		assertThat(post(bot, voice)).isEqualTo(200);
		ObjectNode note = privateMessage(nextId(), 6, from, null);
		((ObjectNode) note.get("message")).set("video_note", JSON.createObjectNode().put("file_id", noteId)
			.put("file_unique_id", "n1").put("duration", 2).put("length", 240));
		assertThat(post(bot, note)).isEqualTo(200);
		assertThat(cases.evidence(c.id())).extracting(e -> e.fileName() + " " + e.contentType())
			.containsExactly("photo-u1.jpg image/jpeg", "receipt.pdf application/pdf", "voice-v1.ogg audio/ogg",
					"video-note-n1.mp4 video/mp4");
		assertThat(cases.timeline(c.id(), false)).filteredOn(e -> e.kind() == TimelineEntry.Kind.EVIDENCE_REFUSED)
			.hasSize(2);
	}

	@Test
	void anEditedMessageKeepsItsOldTextOnTheTimeline() {
		String[] bot = webhookBot();
		long userId = newUserId();
		ObjectNode from = user(userId, "Anna", "en");
		ObjectNode first = privateMessage(nextId(), 5, from, "The stream at 8 pm had cheaters");
		assertThat(post(bot, first)).isEqualTo(200);
		ObjectNode edit = FakeTelegram.Updates.edited(nextId(), first, "The stream at 9 pm had cheaters");
		assertThat(post(bot, edit)).isEqualTo(200);
		assertThat(post(bot, edit)).isEqualTo(200);

		CaseView c = caseOf(bot, userId);
		Message message = cases.publicMessages(c).get(0);
		assertThat(message.body()).isEqualTo("The stream at 9 pm had cheaters");
		assertThat(conversations.edits(message.id())).extracting(e -> e.oldBody())
			.containsExactly("The stream at 8 pm had cheaters");
		assertThat(cases.timeline(c.id(), false)).filteredOn(e -> e.kind() == TimelineEntry.Kind.MESSAGE_EDITED)
			.singleElement()
			.satisfies(e -> {
				assertThat(e.oldValue()).isEqualTo("The stream at 8 pm had cheaters");
				assertThat(e.newValue()).isEqualTo("The stream at 9 pm had cheaters");
			});
	}

	@Test
	void aResolvedCaseTellsThePersonAndAsksForARating() {
		String[] bot = webhookBot();
		long userId = newUserId();
		String chat = String.valueOf(userId);
		ObjectNode from = user(userId, "Пётр", "ru");
		assertThat(post(bot, privateMessage(nextId(), 1, from, "Верните деньги"))).isEqualTo(200);
		CaseView c = caseOf(bot, userId);
		assertThat(post(bot, callback(nextId(), from, "rate:" + c.id() + ":5"))).isEqualTo(200);
		assertThat(cases.rating(c.id())).isEmpty();

		cases.reply(c.id(), "Деньги возвращены на карту.", Actor.SYSTEM);
		cases.changeStatus(c.id(), CaseStatus.RESOLVED, Actor.SYSTEM);
		List<FakeTelegram.Call> sent = awaitSent(bot[0], chat, 3);
		assertThat(sent.get(1).text()).isEqualTo("Деньги возвращены на карту.");
		assertThat(sent.get(2).text()).startsWith("Ваше обращение " + c.number() + " решено.");
		assertThat(sent.get(2).parameters().path("reply_markup").toString()).contains("rate:" + c.id() + ":1",
				"rate:" + c.id() + ":5");

		// a press from another chat cannot rate this case
		assertThat(post(bot, callback(nextId(), user(newUserId(), "Eve", "en"), "rate:" + c.id() + ":1"))).isEqualTo(200);
		assertThat(post(bot, callback(nextId(), from, "rate:" + c.id() + ":4"))).isEqualTo(200);
		assertThat(cases.rating(c.id())).contains(4);
		assertThat(cases.timeline(c.id(), false)).filteredOn(e -> e.kind() == TimelineEntry.Kind.RATED)
			.singleElement()
			.satisfies(e -> assertThat(e.newValue()).isEqualTo("4"));
		Await.until(Duration.ofSeconds(10), "the rating answered", () -> telegram.calls(bot[0], "answerCallbackQuery")
			.stream()
			.anyMatch(call -> call.parameters().path("text").asString("").equals("Спасибо за оценку!")));
	}

	static ObjectNode document(long updateId, long messageId, ObjectNode from, String fileId, String name, Long size) {
		ObjectNode update = privateMessage(updateId, messageId, from, null);
		ObjectNode document = JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", "u" + fileId)
			.put("file_name", name);
		if (size != null) {
			document.put("file_size", size);
		}
		((ObjectNode) update.get("message")).set("document", document);
		return update;
	}
}
