package org.ombud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.cases.QueueFilter;
import org.ombud.cases.internal.CaseStore;
import org.ombud.conversations.internal.ChatStore;
import org.ombud.shared.Page;
import org.ombud.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hot lists on PostgreSQL read an index in its order and stop at the limit: no Sort node, whatever the number
 * of rows. The planner is told to avoid sorts and table scans where it can, so on a small test database the plan
 * shows whether the index and the statement fit each other (bench/lists.sh shows it on a million cases).
 */
@SpringBootTest
class ListPlansContractTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void onPostgresOnly() {
		Assumptions.assumeTrue(TestDatabase.postgres(), "plans are PostgreSQL's");
	}

	@Test
	void oneTeamsChatListIsAnIndexScanWithNoSort() {
		ChatStore.Query q = ChatStore.pageQuery(1, 0, new ChatStore.Scope.Team(1), null, false, null, 101);
		String plan = plan(q.sql(), q.params());
		assertThat(plan).contains("conversations_list_by_team").doesNotContain("Sort");
		// also with the agent's filters that only drop rows: channel, unread, mine
		ChatStore.Query filtered = ChatStore.pageQuery(1, 0, new ChatStore.Scope.Team(1), 1L, true, "telegram", 101);
		assertThat(plan(filtered.sql(), filtered.params())).contains("conversations_list_by_team").doesNotContain("Sort");
		ChatStore.Query all = ChatStore.pageQuery(1, 0, new ChatStore.Scope.AllTeams(), null, false, null, 101);
		assertThat(plan(all.sql(), all.params())).contains("conversations_list").doesNotContain("Sort");
	}

	@Test
	void oneTeamsOpenCasesNewestFirstIsAnIndexScanWithNoSort() {
		QueueFilter open = new QueueFilter(1L, null, null, null, null, true);
		CaseStore.Query page = CaseStore.queueQuery(open, new Page.Request(0, 50));
		assertThat(plan(page.sql(), page.params())).contains("cases_open_queue").doesNotContain("Sort");
		CaseStore.Query count = CaseStore.queueQuery(open, null);
		assertThat(plan(count.sql(), count.params())).contains("cases_open_queue");
	}

	@Test
	void theGuardSeesASort() {
		// ordering by something no index holds must show up as a Sort node, or the tests above prove nothing
		assertThat(plan("select id from cases where team_id = ? order by subject", List.of(1L))).contains("Sort");
	}

	private String plan(String sql, List<Object> params) {
		return transactions.execute(status -> {
			jdbc.execute("set local enable_seqscan = off");
			jdbc.execute("set local enable_sort = off");
			return String.join("\n", jdbc.queryForList("explain " + sql, String.class, params.toArray()));
		});
	}
}
