package org.ombud.console;

import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseStatus;
import org.ombud.cases.CaseView;
import org.ombud.cases.Priority;
import org.ombud.cases.QueueFilter;
import org.ombud.sla.ClockView;
import org.ombud.sla.SlaClocks;
import java.util.List;
import java.util.Map;
import org.ombud.identity.AgentPrincipal;
import org.ombud.shared.Languages;
import org.ombud.shared.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The case queue: filters, one dense row per case, 50 a page. htmx swaps only the results. */
@Controller
class QueueController {

	static final String PAGE = "console/queue";

	static final String RESULTS = "console/queue :: results";

	/** How many cases with a running clock the sort by time left orders; beyond, cases sort as without one. */
	static final int MAX_ORDERED = 10_000;
	/** The id of the results region in the page. */
	static final String RESULTS_ID = "queue-results";

	private final CaseManagement cases;

	private final Names names;

	private final SlaClocks clocks;

	private final Visible visible;

	QueueController(CaseManagement cases, Names names, SlaClocks clocks, Visible visible) {
		this.visible = visible;
		this.cases = cases;
		this.names = names;
		this.clocks = clocks;
	}

	/** One row of the queue, with every name already resolved; {@code clock} the soonest running one, or null. */
	record Row(String number, String subject, CaseStatus status, Priority priority, String category, String team,
			String assignee, String channel, Instant createdAt, ClockView clock) {
	}

	@GetMapping("/console/cases")
	String queue(@AuthenticationPrincipal AgentPrincipal me, QueueForm form, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Names.Snapshot snapshot = names.snapshot(Languages.of(locale));
		QueueFilter filter = form.filter(me.agentId()).seenBy(visible.me());
		Page.Request wanted = new Page.Request(form.pageNumber() - 1, QueueForm.PAGE_SIZE);
		Page<CaseView> found = form.byTimeLeft()
				? cases.queue(filter, wanted, clocks.caseIdsByTimeLeft(filter.teamId(), MAX_ORDERED))
				: cases.queue(filter, wanted);
		Map<Long, List<ClockView>> running = clocks.caseClocks(found.items().stream().map(CaseView::id).toList());
		model.addAttribute("form", form);
		model.addAttribute("rows", found.map(c -> new Row(c.number(), c.subject(), c.status(), c.priority(),
				snapshot.category(c.categoryId()), snapshot.team(c.teamId()), snapshot.agent(c.assigneeId()),
				c.channel(), c.createdAt(), soonest(running.get(c.id())))));
		model.addAttribute("teams", snapshot.teams);
		model.addAttribute("agents", snapshot.activeAgents());
		model.addAttribute("categories", snapshot.categories);
		model.addAttribute("statuses", CaseStatus.values());
		// the same URL answers with a fragment or a page, so caches must keep them apart
		response.addHeader("Vary", "HX-Request");
		if (Htmx.wantsFragment(request)) {
			// the address bar gets the tidy URL, not every empty field of the filter form; a live refresh of the
			// results (triggered by the results themselves) changes no address and adds no history entry
			if (!RESULTS_ID.equals(request.getHeader("HX-Trigger"))) {
				response.setHeader("HX-Push-Url", form.url(form.pageNumber()));
			}
			return RESULTS;
		}
		return PAGE;
	}

	/** The clock a row shows: the first that still counts (running or paused), none once all are done. */
	static ClockView soonest(List<ClockView> clocks) {
		if (clocks == null) {
			return null;
		}
		return clocks.stream().filter(ClockView::counting).findFirst().orElse(null);
	}
}
