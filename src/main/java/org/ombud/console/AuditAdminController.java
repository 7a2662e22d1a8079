package org.ombud.console;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.audit.AuditEntry;
import org.ombud.audit.AuditFilter;
import org.ombud.audit.AuditLog;
import org.ombud.shared.Page;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for those who answer for it: search by who, what and when, check the hash chain, export as
 * CSV. Exporting is itself recorded.
 */
@Controller
@RequestMapping("/console/admin/audit")
class AuditAdminController {

	static final String PAGE = "console/admin/audit";

	static final int PAGE_SIZE = 100;

	private final AuditLog audit;

	private final ConsoleFormat format;

	AuditAdminController(AuditLog audit, ConsoleFormat format) {
		this.audit = audit;
		this.format = format;
	}

	/** The search form as typed; dates are days (UTC), {@code to} inclusive. */
	record Form(String actor, String action, String subjectType, String subjectId, String from, String to,
			Integer page) {

		int pageNumber() {
			return page == null || page < 1 ? 1 : page;
		}

		AuditFilter filter() {
			List<Rejection> problems = new ArrayList<>();
			Instant start = day(from, "from", problems);
			Instant end = day(to, "to", problems);
			if (!problems.isEmpty()) {
				throw new Rejected(problems);
			}
			return new AuditFilter(actor, action, subjectType, subjectId, start,
					end == null ? null : end.plusSeconds(86_400));
		}

		private static Instant day(String text, String field, List<Rejection> problems) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(text.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException e) {
				problems.add(Rejection.of(field, "audit.error.date"));
				return null;
			}
		}
	}

	@GetMapping
	String search(Form form, Locale locale, Model model, HttpServletResponse response) {
		model.addAttribute("form", form);
		model.addAttribute("chain", audit.verify());
		try {
			Page<AuditEntry> entries = audit.search(form.filter(), new Page.Request(form.pageNumber() - 1, PAGE_SIZE));
			model.addAttribute("entries", entries);
			model.addAttribute("errors", FormErrors.NONE);
		}
		catch (Rejected rejected) {
			model.addAttribute("entries", new Page<AuditEntry>(List.of(), 0, PAGE_SIZE, 0));
			model.addAttribute("errors", format.errors(rejected, locale));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return PAGE;
	}

	@GetMapping("/export.csv")
	void export(Form form, HttpServletResponse response) throws IOException {
		AuditFilter filter = form.filter();
		audit.record("audit.exported", "audit", null, describe(filter));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ombud-audit.csv\"");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		Writer out = response.getWriter();
		out.write('\uFEFF');
		out.write("id,occurred_at,actor_kind,actor_id,actor_name,action,subject_type,subject_id,detail,address,prev_hash,hash\r\n");
		audit.each(filter, e -> {
			try {
				out.write(String.join(",", Long.toString(e.id()), e.occurredAt().toString(), csv(e.actorKind()),
						e.actorId() == null ? "" : e.actorId().toString(), csv(e.actorName()), csv(e.action()),
						csv(e.subjectType()), csv(e.subjectId()), csv(e.detail()), csv(e.address()), e.prevHash(),
						e.hash()));
				out.write("\r\n");
			}
			catch (IOException failed) {
				throw new java.io.UncheckedIOException(failed);
			}
		});
		out.flush();
	}

	private static String describe(AuditFilter f) {
		return "actor=" + nz(f.actor()) + " action=" + nz(f.action()) + " subject=" + nz(f.subjectType()) + "/"
				+ nz(f.subjectId()) + " from=" + (f.from() == null ? "" : f.from()) + " to="
				+ (f.to() == null ? "" : f.to());
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	/**
	 * One CSV field (RFC 4180), and never a formula: a value a spreadsheet would run (starting with = + - @) is
	 * prefixed with an apostrophe.
	 */
	static String csv(String value) {
		if (value == null) {
			return "";
		}
		String text = value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}
}
