package org.ombud.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ombud.OmbudApplication;
import org.ombud.contacts.ChannelIdentity;
import org.ombud.contacts.Contacts;
import org.ombud.conversations.Conversations;
import org.ombud.conversations.MessageKind;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outbound drain benchmark: {@code --nodes} Ombud application contexts (nodes) on one PostgreSQL deliver
 * {@code --messages} replies across {@code --chats} chats of one bot to a Bot-API-like server that enforces
 * 30 messages a second per bot and one a second per chat (429 with retry_after beyond). Reports the drain time
 * and rate against the theoretical cap, the 429s the server had to give, and lost and duplicated messages.
 */
public final class OutboundBench {

	public static void main(String[] args) {
		try {
			System.exit(run(args));
		}
		catch (Exception e) {
			e.printStackTrace();
			System.exit(2);
		}
	}

	static int run(String[] args) throws Exception {
		Map<String, String> opts = new HashMap<>();
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
		}
		String jdbc = opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/ombud_bench_outbound");
		int nodes = Integer.parseInt(opts.getOrDefault("nodes", "2"));
		int messages = Integer.parseInt(opts.getOrDefault("messages", "3000"));
		int chats = Integer.parseInt(opts.getOrDefault("chats", "300"));
		int perBot = 30;
		long perChatMillis = 1000;

		FakeBotApi api = new FakeBotApi(perBot, perChatMillis);
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		try {
			return drain(api, contexts, jdbc, nodes, messages, chats, perBot);
		}
		finally {
			for (ConfigurableApplicationContext context : contexts) {
				context.close();
			}
			api.stop();
		}
	}

	/** As system properties, so they win over application.yml and its environment defaults. */
	static Map<String, Object> settings(String jdbc) {
		Map<String, Object> settings = new java.util.LinkedHashMap<>();
		settings.put("spring.datasource.url", jdbc);
		settings.put("spring.datasource.username", "postgres");
		settings.put("spring.datasource.password", "");
		settings.put("spring.datasource.hikari.maximum-pool-size", "10");
		settings.put("ombud.demo.enabled", "false");
		settings.put("ombud.admin.password", "bench-admin-password");
		settings.put("ombud.storage.dir", System.getProperty("java.io.tmpdir") + "/ombud-bench-files");
		settings.put("server.port", "0");
		settings.put("logging.level.root", "warn");
		settings.put("spring.main.banner-mode", "off");
		settings.forEach((k, v) -> System.setProperty(k, v.toString()));
		return settings;
	}

	static int drain(FakeBotApi api, List<ConfigurableApplicationContext> contexts, String jdbc, int nodes,
			int messages, int chats, int perBot) throws Exception {
		for (int n = 0; n < nodes; n++) {
			BotApiAdapter adapter = new BotApiAdapter(api.baseUrl());
			contexts.add(new SpringApplicationBuilder(OmbudApplication.class)
				.initializers(ctx -> ctx.getBeanFactory().registerSingleton("benchBotApi", adapter))
				.properties(settings(jdbc))
				.run());
		}
		ConfigurableApplicationContext first = contexts.getFirst();
		Contacts contacts = first.getBean(Contacts.class);
		Conversations conversations = first.getBean(Conversations.class);
		JdbcClient sql = first.getBean(JdbcClient.class);
		TransactionTemplate tx = new TransactionTemplate(first.getBean(PlatformTransactionManager.class));

		List<Long> conversationIds = new ArrayList<>();
		String run = Long.toString(System.currentTimeMillis(), 36);
		for (int c = 0; c < chats; c++) {
			String chatId = run + "-" + c;
			long contactId = contacts.identify(List.of(new ChannelIdentity(BotApiAdapter.CHANNEL, chatId)), null, "en");
			long conversationId = conversations.start(BotApiAdapter.CHANNEL, contactId, "hello").conversationId();
			sql.sql("update conversations set endpoint_key = 'bench-bot', external_chat_id = ? where id = ?")
				.params(chatId, conversationId)
				.update();
			conversationIds.add(conversationId);
		}
		// all replies committed at once, so the drain starts with a full queue
		tx.executeWithoutResult(status -> {
			for (int m = 0; m < messages; m++) {
				long conversationId = conversationIds.get(m % chats);
				conversations.append(conversationId, MessageKind.OUTBOUND, null, "m" + m);
			}
		});
		long start = System.nanoTime();
		long deadline = start + (long) ((messages / (double) perBot) * 3 + 120) * 1_000_000_000L;
		while (api.accepted().size() < messages && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		long drained = System.nanoTime();
		// let anything still in flight land, so a duplicate would show
		Thread.sleep(3000);
		List<FakeBotApi.Accepted> accepted = api.accepted();
		Map<String, Integer> counts = new HashMap<>();
		for (FakeBotApi.Accepted a : accepted) {
			counts.merge(a.text(), 1, Integer::sum);
		}
		int lost = 0;
		int duplicated = 0;
		for (int m = 0; m < messages; m++) {
			int count = counts.getOrDefault("m" + m, 0);
			lost += count == 0 ? 1 : 0;
			duplicated += Math.max(0, count - 1);
		}
		// order per chat: message numbers of a chat arrive increasing
		Map<String, Integer> lastPerChat = new HashMap<>();
		int outOfOrder = 0;
		for (FakeBotApi.Accepted a : accepted) {
			int number = Integer.parseInt(a.text().substring(1));
			Integer previous = lastPerChat.put(a.chatId(), number);
			if (previous != null && previous > number) {
				outOfOrder++;
			}
		}
		int maxWindow = 0;
		for (int i = 0, j = 0; i < accepted.size(); i++) {
			while (accepted.get(i).atNanos() - accepted.get(j).atNanos() >= 1_000_000_000L) {
				j++;
			}
			maxWindow = Math.max(maxWindow, i - j + 1);
		}
		long sentInDb = sql.sql("""
				select count(*) from messages m join conversations c on c.id = m.conversation_id
				where c.channel = ? and m.kind = 'OUTBOUND' and m.delivery_state = 'SENT'""")
			.param(BotApiAdapter.CHANNEL)
			.query(Long.class)
			.single();
		double seconds = (drained - start) / 1e9;
		double rate = accepted.size() / seconds;
		double theoretical = Math.max(messages / (double) perBot, (Math.ceil(messages / (double) chats) - 1));
		System.out.printf("outbound drain: %d messages, %d chats, 1 bot, %d node(s), PostgreSQL%n", messages, chats, nodes);
		System.out.printf("  drain time        %8.1f s   (theoretical minimum at %d/s per bot: %.1f s)%n", seconds, perBot,
				theoretical);
		System.out.printf("  rate              %8.1f msg/s (cap %d msg/s; ratio %.2f)%n", rate, perBot, rate / perBot);
		System.out.printf("  max in any 1 s    %8d       (server-observed, cap %d)%n", maxWindow, perBot);
		System.out.printf("  429 per bot/chat  %8d / %d%n", api.refusedBot(), api.refusedChat());
		System.out.printf("  lost              %8d%n", lost);
		System.out.printf("  duplicated        %8d%n", duplicated);
		System.out.printf("  out of order      %8d%n", outOfOrder);
		System.out.printf("  SENT in database  %8d%n", sentInDb);
		return lost == 0 && duplicated == 0 && outOfOrder == 0 ? 0 : 1;
	}
}
