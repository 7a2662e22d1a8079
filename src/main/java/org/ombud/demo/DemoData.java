package org.ombud.demo;

import java.util.List;
import java.util.Set;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.Priority;
import org.ombud.cases.QueueFilter;
import org.ombud.identity.Agent;
import org.ombud.contacts.Organisations;
import org.ombud.conversations.Access;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.NewAgent;
import org.ombud.identity.Role;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Page;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Order(100)
@ConditionalOnProperty(name = "ombud.demo.enabled", havingValue = "true")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final AgentDirectory directory;

	private final Intake intake;

	private final CaseManagement cases;

	private final String password;

	private final Organisations organisations;

	private final Access access;

	DemoData(AgentDirectory directory, Intake intake, CaseManagement cases, Organisations organisations, Access access,
			@Value("${ombud.demo.password:ombud-demo-2026}") String password) {
		this.organisations = organisations;
		this.access = access;
		this.directory = directory;
		this.intake = intake;
		this.cases = cases;
		this.password = password;
	}

	record Sample(String lang, String category, String sub, String name, String email, String phone, String text,
			String object, CaseStatus status, String reply, String note, Priority priority, String channel) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (cases.queue(QueueFilter.all(), new Page.Request(0, 1)).total() > 0) {
			return;
		}
		Agent anna = agent("anna", "Anna Petrova", Role.DUTY_AGENT, "ru", "content");
		Agent li = agent("li", "Li Wei", Role.MODERATOR, "zh", "content", "privacy");
		Agent tom = agent("tom", "Tom Baker", Role.ACCOUNT_MANAGER, "en", "accounts", "support");
		Agent maria = agent("maria", "Maria Ivanova", Role.SUPERVISOR, "ru", "content", "accounts", "privacy", "support");
		Agent sam = agent("sam", "Sam Carter", Role.TASK_AGENT, "en");
		agent("olga", "Olga Smirnova", Role.COMPLIANCE_VIEWER, "ru");
		if (organisations.all().isEmpty()) {
			organisations.create("Northwind Streaming", tom.id(), directory.teamByKey("support").map(t -> t.id()).orElse(null));
		}
		Long firstConversation = null;
		List<Agent> workers = List.of(anna, li, tom, maria);
		int i = 0;
		for (Sample s : samples()) {
			Receipt receipt = intake.submit(new Submission(s.channel(), s.name(), s.email(), s.phone(), null, s.lang(),
					s.category(), s.sub(), s.text(), s.object(), s.priority(), List.of(),
					s.channel().equals(Channels.PHONE) ? Actor.agent(tom.id()) : Actor.CONTACT));
			long id = receipt.caseView().id();
			if (firstConversation == null) {
				firstConversation = receipt.caseView().conversationId();
			}
			Agent worker = workers.get(i++ % workers.size());
			if (s.status() != CaseStatus.NEW) {
				Actor by = Actor.agent(worker.id());
				cases.assign(id, worker.id(), by);
				cases.changeStatus(id, CaseStatus.TRIAGED, by);
				if (s.note() != null) {
					cases.note(id, s.note(), by);
				}
				if (s.reply() != null) {
					cases.reply(id, s.reply(), by);
				}
				for (CaseStatus step : path(s.status())) {
					cases.changeStatus(id, step, by);
				}
			}
		}
		// the task agent sees only what is given to them: the supervisor shares one chat with its case
		if (firstConversation != null) {
			access.grant(firstConversation, sam.id(), null, "Please check the stream recordings", maria.id());
		}
		System.out.printf("%n  Ombud: demo data loaded. Demo agents anna (duty agent), li (moderator), tom (account manager),"
				+ " maria (supervisor), sam (task agent) and olga (compliance viewer) log in with password: %s%n%n",
				password);
		log.info("Demo data loaded: {} cases", samples().size());
	}

	private static List<CaseStatus> path(CaseStatus target) {
		return switch (target) {
			case NEW, TRIAGED -> List.of();
			case INVESTIGATING -> List.of(CaseStatus.INVESTIGATING);
			case AWAITING_COMPLAINANT -> List.of(CaseStatus.INVESTIGATING, CaseStatus.AWAITING_COMPLAINANT);
			case RESOLVED -> List.of(CaseStatus.INVESTIGATING, CaseStatus.RESOLVED);
			case CLOSED -> List.of(CaseStatus.INVESTIGATING, CaseStatus.RESOLVED, CaseStatus.CLOSED);
		};
	}

	private Agent agent(String username, String name, Role role, String locale, String... teams) {
		return directory.agentByUsername(username).orElseGet(() -> {
			Set<Long> teamIds = new java.util.HashSet<>();
			for (String key : teams) {
				directory.teamByKey(key).ifPresent(t -> teamIds.add(t.id()));
			}
			return directory.create(new NewAgent(username, name, username + "@ombud.example", password, role, locale,
					teamIds));
		});
	}

	private static List<Sample> samples() {
		String w = Channels.WEBFORM, a = Channels.API, p = Channels.PHONE;
		CaseStatus nw = CaseStatus.NEW, tr = CaseStatus.TRIAGED, inv = CaseStatus.INVESTIGATING,
				aw = CaseStatus.AWAITING_COMPLAINANT, res = CaseStatus.RESOLVED, cl = CaseStatus.CLOSED;
		Priority n = Priority.NORMAL, h = Priority.HIGH, u = Priority.URGENT, l = Priority.LOW;
		return List.of(
				new Sample("ru", "content", "streamer-behaviour", "Алексей", "alexey@example.ru", null,
						"Стример оскорбляет зрителей в чате во время трансляции.\nЭто повторяется каждый вечер.",
						"https://stream.example/u/badstreamer", inv, "Спасибо, мы проверяем записи трансляций.",
						"Проверить записи за неделю", h, w),
				new Sample("zh", "content", "games", "王芳", "wangfang@example.cn", null,
						"游戏直播中有人使用外挂，请处理。", "https://stream.example/v/839201", nw, null, null, n, a),
				new Sample("en", "account", "hacked", "Jamie Fox", "jamie@example.com", "+447911123456",
						"Someone took over my account and changed the e-mail address.", "user:jamie_fox", aw,
						"Please confirm the last payment you made so that we can verify you.", null, u, w),
				new Sample("ru", "account", "blocked", "Ольга", null, "+79161234567",
						"Мой аккаунт заблокировали без объяснения причин.", "user:olga_k", res,
						"Блокировка снята: она была наложена по ошибке. Приносим извинения.", null, n, p),
				new Sample("zh", "privacy", "personal-data", "李娜", "lina@example.cn", null,
						"有人在评论区公开了我的电话号码和住址。", "https://social.example/p/55120", inv,
						"我们已隐藏该评论，正在调查发布者。", "高优先级：涉及住址", u, w),
				new Sample("en", "other", "billing", "Sam Lee", "sam.lee@example.com", null,
						"I was charged twice for my subscription this month.", null, tr, null, "Check with billing", n, a),
				new Sample("ru", "privacy", "harassment", "Дмитрий", "dmitry@example.ru", null,
						"Пользователь пишет мне угрозы в личные сообщения.", "user:angry_user_77", inv,
						"Мы получили вашу жалобу и ограничили пользователю отправку сообщений на время проверки.",
						null, u, w),
				new Sample("en", "content", "copyright", "Studio North", "legal@studionorth.example", null,
						"Our film is uploaded in full without permission.", "https://video.example/watch/abc123", cl,
						"The video has been removed under our copyright policy.", null, h, w),
				new Sample("zh", "account", "impersonation", "张伟", "zhangwei@example.cn", null,
						"有人冒充我开设了账号并向我的朋友借钱。", "user:zhang_wei_fake", aw,
						"请上传您的身份证明，以便我们核实。", null, h, a),
				new Sample("ru", "other", "customer-service", "Ирина", "irina@example.ru", null,
						"Не могу вывести деньги за донаты, кнопка неактивна.", null, nw, null, null, n, w),
				new Sample("en", "content", "platform-rules", "Chris", "chris@example.org", null,
						"This post spreads a dangerous <b>challenge</b> to children. <script>alert(1)</script>",
						"https://social.example/p/777", inv, null, "Escalate to child safety", u, w),
				new Sample("zh", "other", "customer-service", "陈静", null, "+8613800138000",
						"客服电话一直打不通，我的问题三天没人处理。", null, res, "抱歉让您久等，问题已解决。", null, l, p),
				new Sample("ru", "content", "games", "Павел", "pavel@example.ru", null,
						"В игровом стриме показывают сцены жестокости без возрастной метки. 🎮🔞",
						"https://stream.example/v/112233", tr, null, null, n, a),
				new Sample("en", "account", "blocked", "Priya", "priya@example.in", null,
						"My channel was restricted after a false copyright claim.", "channel:priya_cooks", inv,
						"We are reviewing the claim with the rights holder.", null, h, w),
				new Sample("zh", "content", "streamer-behaviour", "赵磊", "zhaolei@example.cn", null,
						"主播在直播中诱导未成年人打赏。", "https://stream.example/u/gift_streamer", nw, null, null, u, w),
				new Sample("ru", "privacy", "personal-data", "Елена", "elena@example.ru", null,
						"Прошу удалить мои данные: фото опубликовано без моего согласия.",
						"https://social.example/photo/9981", cl, "Фотография удалена.", null, n, w),
				new Sample("en", "other", "billing", "Alex Kim", "alex.kim@example.com", null,
						"Refund for a gift that was never delivered to the streamer.", null, aw,
						"Could you send us the transaction id from your receipt?", null, l, a),
				new Sample("zh", "account", "hacked", "刘洋", "liuyang@example.cn", "+8613912345678",
						"我的账号被盗，密码被修改了。", "user:liuyang88", inv, "我们已临时冻结该账号以保护您的数据。",
						null, u, p),
				new Sample("ru", "content", "platform-rules", "Мария С.", "maria.s@example.ru", null,
						"Группа распространяет фейковые новости о выборах.", "https://social.example/g/fakenews", tr,
						null, "Передать в отдел модерации политического контента", h, w),
				new Sample("en", "content", "games", "Noah", "noah@example.com", null,
						"Cheating software is being sold in the comments of this stream.",
						"https://stream.example/v/998877", res, "The comments were removed and the seller banned.",
						null, n, w),
				new Sample("zh", "privacy", "harassment", "孙悦", "sunyue@example.cn", null,
						"有人在多个平台跟踪并骚扰我。", "user:stalker_2026", tr, null, null, u, a),
				new Sample("ru", "account", "impersonation", "Игорь", "igor@example.ru", null,
						"Кто-то создал аккаунт с моим именем и фотографиями.", "user:igor_real_2", nw, null, null, n, w),
				new Sample("en", "privacy", "personal-data", "Emma", "emma@example.co.uk", null,
						"A leaked screenshot shows my private messages.", "https://social.example/p/4411", aw,
						"Can you tell us where else this screenshot was posted?", null, h, w),
				new Sample("zh", "other", "billing", "黄敏", "huangmin@example.cn", null, "会员自动续费，但我已经取消了。",
						null, cl, "已为您办理退款。", null, l, w),
				new Sample("ru", "content", "copyright", "ООО «Медиа»", "legal@media.example.ru", null,
						"Наш музыкальный трек используется без лицензии в 40 роликах.",
						"https://video.example/search?q=track", inv, "Мы начали проверку роликов из вашего списка.",
						null, n, a),
				new Sample("en", "account", "hacked", "Olivia", "olivia@example.com", null,
						"Two-factor codes are arriving that I did not request.", "user:olivia_w", nw, null, null, h, w),
				new Sample("zh", "content", "platform-rules", "周杰", "zhoujie@example.cn", null, "这个帖子在宣传赌博网站。",
						"https://social.example/p/3321", res, "该帖子已删除。", null, n, w),
				new Sample("ru", "other", "customer-service", "Светлана", null, "+79031112233",
						"Звонок на горячую линию: не приходит код подтверждения по SMS.", null, inv,
						null, "Клиентка звонила дважды", n, p),
				new Sample("en", "content", "streamer-behaviour", "Mia", "mia@example.com", null,
						"The streamer shared a viewer's home address live on stream.",
						"https://stream.example/u/doxxer", inv, "We removed the recording and are reviewing the channel.",
						"Possible doxxing; check for repeat behaviour", u, w),
				new Sample("zh", "account", "blocked", "吴昊", "wuhao@example.cn", null, "我的账号被误封，请帮我恢复。",
						"user:wuhao_live", tr, null, null, n, a));
	}
}
