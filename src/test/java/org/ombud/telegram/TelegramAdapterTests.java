package org.ombud.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ombud.channels.ChannelAdapter;
import org.ombud.channels.Delivery;
import org.ombud.channels.OutboundMessage;
import org.ombud.support.FakeTelegram;
import org.springframework.beans.factory.annotation.Autowired;

/** The Telegram adapter against the fake Bot API: what it sends, and what Telegram's answers come to. */
class TelegramAdapterTests extends TelegramTestSupport {

	@Autowired
	List<ChannelAdapter> adapters;

	ChannelAdapter adapter() {
		return adapters.stream().filter(a -> a.channel().equals("telegram")).findFirst().orElseThrow();
	}

	OutboundMessage message(String key, String chat, String text, String replyTo, boolean noTyping,
			List<List<OutboundMessage.Button>> keyboard) {
		return new OutboundMessage(1, "telegram", key, chat, text, replyTo, true, noTyping, keyboard);
	}

	@Test
	void aLongTextGoesInPartsWithTheReplyFirstAndTheButtonsLast() {
		String[] bot = webhookBot();
		String chat = String.valueOf(newUserId());
		String paragraph = "Lorem ipsum dolor sit amet. ".repeat(70).strip();
		String text = paragraph + "\n\n" + paragraph + "\n\n" + paragraph + "\n\n<b>not markup</b> & *stars*";
		Delivery delivery = adapter().send(message(bot[1], chat, text, "42", false,
				List.of(List.of(new OutboundMessage.Button("1 ★", "rate:1:1")))));
		List<FakeTelegram.Call> sent = telegram.sent(bot[0], chat);
		assertThat(delivery).isInstanceOf(Delivery.Sent.class);
		assertThat(((Delivery.Sent) delivery).externalIds()).hasSize(sent.size());
		assertThat(sent).hasSizeGreaterThan(1).allSatisfy(c -> {
			assertThat(c.text().length()).isLessThanOrEqualTo(4096);
			assertThat(c.parameters().has("parse_mode")).isFalse();
			assertThat(c.parameters().path("link_preview_options").path("is_disabled").asBoolean()).isTrue();
		});
		assertThat(String.join("\n\n", sent.stream().map(FakeTelegram.Call::text).toList())).isEqualTo(text);
		assertThat(sent.get(0).text()).endsWith(paragraph);
		assertThat(sent.get(0).parameters().path("reply_parameters").path("message_id").asLong()).isEqualTo(42);
		assertThat(sent.get(1).parameters().has("reply_parameters")).isFalse();
		assertThat(sent.getLast().parameters().path("reply_markup").path("inline_keyboard").get(0).get(0)
			.path("callback_data").asString()).isEqualTo("rate:1:1");
		assertThat(sent.get(0).parameters().has("reply_markup")).isFalse();
		assertThat(telegram.calls(bot[0], "sendChatAction")).singleElement()
			.satisfies(c -> assertThat(c.parameters().path("action").asString()).isEqualTo("typing"));
	}

	@Test
	void telegramsRefusalsBecomeDeliveries() {
		String[] bot = webhookBot();
		String chat = String.valueOf(newUserId());
		telegram.fault(bot[0], "sendMessage", new FakeTelegram.TooManyRequests(7), new FakeTelegram.ServerError(),
				new FakeTelegram.Forbidden("Forbidden: bot was blocked by the user"),
				new FakeTelegram.BadRequest("Bad Request: chat not found"));
		assertThat(adapter().send(message(bot[1], chat, "Hi", null, true, List.of())))
			.isEqualTo(new Delivery.RetryAfter(Duration.ofSeconds(7)));
		assertThat(adapter().send(message(bot[1], chat, "Hi", null, true, List.of())))
			.isInstanceOfSatisfying(Delivery.Failed.class, f -> assertThat(f.permanent()).isFalse());
		assertThat(adapter().send(message(bot[1], chat, "Hi", null, true, List.of())))
			.isInstanceOfSatisfying(Delivery.Failed.class, f -> {
				assertThat(f.permanent()).isTrue();
				assertThat(f.reason()).contains("blocked");
			});
		assertThat(adapter().send(message(bot[1], chat, "Hi", null, true, List.of())))
			.isInstanceOfSatisfying(Delivery.Failed.class, f -> {
				assertThat(f.permanent()).isTrue();
				assertThat(f.reason()).contains("chat not found");
			});
		assertThat(telegram.calls(bot[0], "sendChatAction")).isEmpty();
		assertThat(telegram.sent(bot[0], chat)).isEmpty();
		// a bot nobody configured
		assertThat(adapter().send(message("999", chat, "Hi", null, true, List.of())))
			.isInstanceOfSatisfying(Delivery.Failed.class, f -> assertThat(f.permanent()).isTrue());
	}

	@Test
	void noAnswerAfterTheRequestWentOutIsAnUnclearOutcomeNotARetry() {
		String[] bot = webhookBot();
		String chat = String.valueOf(newUserId());
		telegram.fault(bot[0], "sendMessage", new FakeTelegram.Hang(Duration.ofSeconds(5), true));
		assertThatThrownBy(() -> adapter().send(message(bot[1], chat, "Hi", null, true, List.of())))
			.hasMessageContaining("no answer")
			.hasMessageNotContaining(bot[0]);
		assertThat(telegram.sent(bot[0], chat)).hasSize(1);
	}

	@Test
	void limitsAreTelegramsPace() {
		assertThat(adapter().limits()).isEqualTo(new ChannelAdapter.Limits(Duration.ofSeconds(1), 30));
	}
}
