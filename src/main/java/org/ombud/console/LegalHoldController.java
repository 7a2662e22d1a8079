package org.ombud.console;


import org.ombud.cases.CaseView;
import org.ombud.cases.Retention;
import org.ombud.identity.AgentPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A legal hold on a case, placed and lifted by admins and supervisors: while it holds, neither the retention
 * sweep nor a person's erasure request touches the case's personal data. Both are in the audit log.
 */
@Controller
class LegalHoldController {

	private final Retention retention;

	private final Visible visible;

	LegalHoldController(Retention retention, Visible visible) {
		this.retention = retention;
		this.visible = visible;
	}

	@PostMapping("/console/cases/{number}/hold")
	String hold(@PathVariable String number, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal AgentPrincipal me) {
		CaseView c = mayHold(number);
		retention.hold(c.id(), reason, me.agentId());
		return "redirect:/console/cases/" + c.number();
	}

	@PostMapping("/console/cases/{number}/hold/lift")
	String lift(@PathVariable String number, @AuthenticationPrincipal AgentPrincipal me) {
		CaseView c = mayHold(number);
		retention.lift(c.id(), me.agentId());
		return "redirect:/console/cases/" + c.number();
	}

	/** The case if the agent sees it (404 otherwise) and their role places holds (403 otherwise). */
	private CaseView mayHold(String number) {
		CaseView c = visible.caseByNumber(number);
		if (!visible.me().role().seesEverything()) {
			throw new AccessDeniedException("Only admins and supervisors place legal holds");
		}
		return c;
	}
}
