package org.ombud.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.EvidenceFile;
import org.ombud.cases.EvidencePolicy;
import org.ombud.conversations.Conversations;
import org.ombud.intake.ContactDetails;
import org.ombud.intake.Intake;
import org.ombud.shared.Rejection;
import org.springframework.stereotype.Component;

/**
 * Checks the whole form before it goes to {@link Intake}, so that the person sees every problem at once:
 * Intake stops at its first group of problems and knows nothing of consent. Intake still checks everything
 * again; these rules use its limits and message keys so that both say the same.
 */
@Component
class ReportChecks {

	private final Categories categories;

	private final EvidencePolicy evidencePolicy;

	ReportChecks(Categories categories, EvidencePolicy evidencePolicy) {
		this.categories = categories;
		this.evidencePolicy = evidencePolicy;
	}

	List<Rejection> check(ReportForm form, List<EvidenceFile> evidence) {
		List<Rejection> problems = new ArrayList<>();
		checkCategory(form, problems);
		if (blank(form.description())) {
			problems.add(Rejection.of("description", "error.required"));
		}
		else if (form.description().length() > Conversations.MAX_MESSAGE_LENGTH) {
			problems.add(Rejection.of("description", "error.length", 1, Conversations.MAX_MESSAGE_LENGTH));
		}
		if (form.reportedObject() != null) {
			if (form.reportedObject().length() > CaseManagement.MAX_REPORTED_OBJECT) {
				problems.add(Rejection.of("reportedObject", "error.length", 0, CaseManagement.MAX_REPORTED_OBJECT));
			}
			else if (form.reportedObject().chars().anyMatch(Character::isISOControl)) {
				problems.add(Rejection.of("reportedObject", "error.reportedObject"));
			}
		}
		if (form.name() != null && form.name().length() > Intake.MAX_NAME) {
			problems.add(Rejection.of("name", "error.length", 0, Intake.MAX_NAME));
		}
		boolean emailGiven = !blank(form.email());
		boolean phoneGiven = !blank(form.phone());
		if (emailGiven && ContactDetails.email(form.email()).isEmpty()) {
			problems.add(Rejection.of("email", "error.email"));
		}
		if (phoneGiven && ContactDetails.phone(form.phone()).isEmpty()) {
			problems.add(Rejection.of("phone", "error.phone"));
		}
		if (!emailGiven && !phoneGiven) {
			problems.add(Rejection.of("email", "error.contact.required"));
		}
		problems.addAll(evidencePolicy.check("evidence", evidence));
		if (!form.consented()) {
			problems.add(Rejection.of("consent", "portal.error.consent"));
		}
		return problems;
	}

	private void checkCategory(ReportForm form, List<Rejection> problems) {
		if (blank(form.category())) {
			problems.add(Rejection.of("category", "error.required"));
			return;
		}
		Optional<Category> category = categories.active()
			.stream()
			.filter(c -> c.key().equals(form.category()))
			.findFirst();
		if (category.isEmpty()) {
			problems.add(Rejection.of("category", "error.category.unknown"));
		}
		else if (!blank(form.subcategory())
				&& category.get().subcategories().stream().noneMatch(s -> s.key().equals(form.subcategory()))) {
			problems.add(Rejection.of("subcategory", "error.subcategory.unknown"));
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
