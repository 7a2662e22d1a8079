package org.ombud.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombud.sla.SlaFixtures.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ombud.OmbudApplication;
import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.TimelineEntry;
import org.ombud.identity.AgentDirectory;
import org.ombud.intake.Intake;
import org.ombud.sla.ClockView.Stage;
import org.ombud.sla.internal.BreachDetector;
import org.ombud.sla.internal.BreachHandler;
import org.ombud.sla.internal.ClockRow.SubjectKind;
import org.ombud.sla.internal.ClockStore;
import org.ombud.support.TestClock;
import org.ombud.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The detector against the real database (H2 or PostgreSQL): a restart in the middle of a clock, two nodes on one
 * database, and how soon a breach is seen after its due time.
 */
@SpringBootTest
class SlaDetectorTests {

	@Autowired
	Intake intake;

	@Autowired
	CaseManagement cases;

	@Autowired
	Categories categories;

	@Autowired
	AgentDirectory directory;

	@Autowired
	SlaPolicies policies;

	@Autowired
	SlaClocks clocks;

	@Autowired
	ClockStore clockStore;

	@Autowired
	BreachHandler handler;

	@Autowired
	BreachDetector detector;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Value("${spring.datasource.url}")
	String databaseUrl;

	final List<AutoCloseable> started = new ArrayList<>();

	@AfterEach
	void cleanUp() throws Exception {
		for (AutoCloseable c : started.reversed()) {
			c.close();
		}
		started.clear();
		detector.start();
		clock.reset();
	}

	Category categoryWithTriage(int minutes) {
		Category category = SlaFixtures.category(categories, SlaFixtures.team(directory));
		policies.create(SlaFixtures.policy(category, null, minutes, null, null, false));
		return category;
	}

	long breachesOf(long clockId) {
		return jdbc.sql("select count(*) from sla_breaches where clock_id = ?").param(clockId).query(Long.class).single();
	}

	ClockView triage(CaseView c) {
		return clocks.caseClocks(List.of(c.id())).get(c.id()).stream().filter(v -> v.stage() == Stage.TRIAGE)
			.findFirst().orElseThrow();
	}

	@Test
	void aClockStartedBeforeARestartIsBreachedByTheFreshlyStartedApplication() {
		// this application stops looking; its clock lives only in the database
		detector.stop();
		Category category = categoryWithTriage(30);
		CaseView c = SlaFixtures.open(intake, category);
		ClockView before = triage(c);

		ConfigurableApplicationContext restarted = new SpringApplicationBuilder(OmbudApplication.class)
			.properties(TestDatabase.SHARED_URL + "=" + databaseUrl, "server.port=0",
					"spring.datasource.hikari.maximum-pool-size=4")
			.run();
		started.add(restarted);
		TestClock restartedClock = restarted.getBean(TestClock.class);
		assertThat(restartedClock).isNotSameAs(clock);
		restartedClock.shift(Duration.ofMinutes(31));

		await(Duration.ofSeconds(5), () -> breachesOf(before.id()) == 1);
		String detectedBy = jdbc.sql("select detected_by from sla_breaches where clock_id = ?").param(before.id())
			.query(String.class).single();
		assertThat(detectedBy).startsWith(restarted.getBean(BreachDetector.class).node());
		assertThat(triage(c).state()).isEqualTo(ClockView.State.BREACHED);
		assertThat(cases.timeline(c.id(), false)).filteredOn(e -> e.kind() == TimelineEntry.Kind.SLA_BREACH).hasSize(1);
	}

	@Test
	void twoNodesOnOneDatabaseRecordEachBreachExactlyOnce() {
		detector.stop();
		BreachDetector a = node("node-a");
		BreachDetector b = node("node-b");
		Category category = categoryWithTriage(10);
		List<CaseView> opened = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			opened.add(SlaFixtures.open(intake, category));
		}
		// and many bare clocks due within the same two seconds
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		long base = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		List<Long> bare = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Instant due = now.plus(Duration.ofMinutes(10)).plusMillis(i * 7L);
			bare.add(clockStore.insert(new ClockStore.NewClock(Stage.FIRST_REPLY, SubjectKind.CONVERSATION, base + i,
					null, null, null, Duration.ofMinutes(10), null, now, null, due, ClockView.State.RUNNING, null)));
		}

		clock.shift(Duration.ofMinutes(10).plusSeconds(3));
		await(Duration.ofSeconds(20), () -> bare.stream().allMatch(id -> breachesOf(id) == 1)
				&& opened.stream().allMatch(c -> breachesOf(triage(c).id()) == 1));

		for (CaseView c : opened) {
			assertThat(cases.timeline(c.id(), false)).filteredOn(e -> e.kind() == TimelineEntry.Kind.SLA_BREACH)
				.hasSize(1);
		}
		List<String> nodes = jdbc.sql("select distinct detected_by from sla_breaches where clock_id in (" + String.join(
				",", bare.stream().map(String::valueOf).toList()) + ")").query(String.class).list();
		// both nodes took part, and no clock was left claimed
		assertThat(nodes.stream().map(n -> n.substring(0, 6)).distinct()).containsExactlyInAnyOrder("node-a", "node-b");
		assertThat(jdbc.sql("select count(*) from sla_clocks where claimed_by is not null and id in (" + String.join(
				",", bare.stream().map(String::valueOf).toList()) + ")").query(Long.class).single()).isZero();
	}

	@Test
	void aBreachIsRecordedWithinASecondOfItsDueTime() {
		Category category = categoryWithTriage(5);
		List<CaseView> opened = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			opened.add(SlaFixtures.open(intake, category));
		}
		Instant lastDue = opened.stream().map(this::triage).map(ClockView::dueAt).max(Instant::compareTo).orElseThrow();
		clock.set(lastDue.plusMillis(1));
		Duration took = await(Duration.ofSeconds(3), () -> opened.stream().allMatch(c -> breachesOf(triage(c).id()) == 1));
		assertThat(took).isLessThan(Duration.ofSeconds(1));
		for (CaseView c : opened) {
			BreachView breach = clocks.caseBreaches(c.id(), c.conversationId(), c.createdAt()).get(0);
			assertThat(Duration.between(breach.dueAt(), breach.detectedAt())).isLessThan(Duration.ofSeconds(1));
		}
	}

	BreachDetector node(String name) {
		BreachDetector node = new BreachDetector(clockStore, handler, clock, true, Duration.ofMillis(200),
				Duration.ofSeconds(30), 50, 2, name);
		node.start();
		started.add(node::stop);
		return node;
	}
}
