package org.ombud.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ombud.audit.AuditEntry;
import org.ombud.audit.AuditFilter;
import org.ombud.audit.AuditLog;
import org.ombud.audit.ChainCheck;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.identity.Agent;
import org.ombud.identity.Role;
import org.ombud.shared.Page;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log: who logged in, viewed a case or its evidence, changed a case; the hash chain finds any changed
 * or removed entry; compliance readers search and export it.
 */
class AuditLogTests extends ConsoleTestSupport {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private List<AuditEntry> entries(String subjectType, String subjectId) {
		return audit.search(new AuditFilter(null, null, subjectType, subjectId, null, null), new Page.Request(0, 200))
			.items();
	}

	@Test
	void loginsAndFailedLoginsAreRecordedWithTheNameTriedButNeverThePassword() throws Exception {
		Agent agent = agent("en");
		mvc.perform(formLogin("/login").user(agent.username()).password("wrong-password-123"));
		mvc.perform(formLogin("/login").user(agent.username()).password(PASSWORD));
		List<AuditEntry> found = audit
			.search(new AuditFilter(agent.username(), null, null, null, null, null), new Page.Request(0, 10))
			.items();
		assertThat(found).extracting(AuditEntry::action).containsExactly(AuditLog.LOGIN, AuditLog.LOGIN_FAILED);
		assertThat(found.get(0).actorId()).isEqualTo(agent.id());
		assertThat(found).allSatisfy(e -> {
			assertThat(e.address()).isEqualTo("127.0.0.1");
			assertThat(String.valueOf(e.detail())).doesNotContain("wrong-password-123");
		});
	}

	@Test
	void viewingACaseOrItsEvidenceAndChangingItAreRecordedWithWhoDidIt() throws Exception {
		Agent agent = agent("en");
		CaseView c = newCase(category(team()), "My account was taken over.");
		mvc.perform(get("/console/cases/" + c.number()).with(as(agent))).andExpect(status().isOk());
		mvc.perform(post("/console/cases/" + c.number() + "/status").param("status", CaseStatus.TRIAGED.name())
			.with(as(agent))
			.with(csrf())).andExpect(status().is3xxRedirection());
		// a case that does not exist is not a read of anything
		mvc.perform(get("/console/cases/C-2020-999999").with(as(agent))).andExpect(status().isNotFound());

		List<AuditEntry> found = entries("case", c.number());
		assertThat(found).extracting(AuditEntry::action)
			.containsExactly("case.status", AuditLog.CASE_VIEWED, "case.opened");
		assertThat(found.get(0).actorName()).isEqualTo(agent.username());
		assertThat(found.get(0).detail()).isEqualTo("NEW -> TRIAGED");
		assertThat(found.get(1).actorId()).isEqualTo(agent.id());
		// opened outside any request (as by the demo loader or a channel poller): Ombud itself
		assertThat(found.get(2).actorKind()).isEqualTo("SYSTEM");
		assertThat(entries("case", "C-2020-999999")).isEmpty();
	}

	@Test
	void theChainStaysIntactUnderConcurrentWritersAndFindsAChangedOrRemovedEntry() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> writes = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			int n = i;
			writes.add(pool.submit(() -> audit.record(AuditLog.Who.SYSTEM, "test.write", "test", "w" + n, "entry " + n)));
		}
		for (Future<?> write : writes) {
			write.get();
		}
		pool.shutdown();
		ChainCheck check = audit.verify();
		assertThat(check.intact()).isTrue();
		long total = audit.search(AuditFilter.all(), new Page.Request(0, 1)).total();
		assertThat(check.checked()).isEqualTo(total);

		AuditEntry victim = entries("test", "w40").get(0);
		assertThat(victim.seq()).as("sealed by verify").isNotNull();
		String original = victim.detail();
		try {
			jdbc.sql("update audit_log set detail = ? where id = ?").params("nothing to see", victim.id()).update();
			assertThat(audit.verify().brokenAt()).isEqualTo(victim.seq());
		}
		finally {
			jdbc.sql("update audit_log set detail = ? where id = ?").params(original, victim.id()).update();
		}
		assertThat(audit.verify().intact()).isTrue();

		// removing the newest sealed entry shows too: the head remembers the chain's end
		audit.record(AuditLog.Who.SYSTEM, "test.write", "test", "last", "the newest");
		audit.verify();
		AuditEntry last = entries("test", "last").get(0);
		jdbc.sql("delete from audit_log where id = ?").param(last.id()).update();
		try {
			assertThat(audit.verify().brokenAt()).isEqualTo(last.seq());
		}
		finally {
			jdbc.sql("""
					insert into audit_log (id, occurred_at, actor_kind, actor_id, actor_name, action, subject_type,
					                       subject_id, detail, address, seq, prev_hash, hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(last.id(), org.ombud.shared.SqlTime.param(last.occurredAt()), last.actorKind(), last.actorId(),
						last.actorName(), last.action(), last.subjectType(), last.subjectId(), last.detail(),
						last.address(), last.seq(), last.prevHash(), last.hash())
				.update();
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void adminsSearchAndExportTheLogAndTheExportIsRecordedToo() throws Exception {
		Agent admin = agent(Role.ADMIN, "ru");
		audit.record(AuditLog.Who.SYSTEM, "test.export", "test", "csv", "=HYPERLINK(\"http://evil\"), with comma");
		String page = mvc.perform(get("/console/admin/audit").param("action", "test.export").with(as(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Журнал аудита").contains("цела").contains("test.export");

		var response = mvc.perform(get("/console/admin/audit/export.csv").param("action", "test.export").with(as(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getHeader("Content-Disposition")).startsWith("attachment");
		String csv = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("test.export,test,csv,\"'=HYPERLINK(\"\"http://evil\"\"), with comma\"");
		assertThat(entries("audit", null).stream().filter(e -> e.action().equals(AuditLog.AUDIT_EXPORTED)))
			.anySatisfy(e -> assertThat(e.actorId()).isEqualTo(admin.id()));
	}

	@Test
	void aBadDateIsALocalisedErrorAndAgentsMayNotReadTheLog() throws Exception {
		Agent admin = agent(Role.ADMIN, "zh");
		String page = mvc.perform(get("/console/admin/audit").param("from", "yesterday").with(as(admin)))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("请按 YYYY-MM-DD 格式填写日期");
		mvc.perform(get("/console/admin/audit").with(as(agent("en")))).andExpect(status().isForbidden());
		mvc.perform(get("/console/admin/audit/export.csv").with(as(agent("en")))).andExpect(status().isForbidden());
	}
}
