package org.ombud.console;

import org.ombud.cases.Category;
import org.ombud.cases.CategoryDraft;
import org.ombud.cases.Subcategory;
import org.ombud.shared.Rejected;

/** A category or subcategory as the admin form sends it; text throughout so that nothing fails to bind. */
record CategoryForm(String key, String nameEn, String nameRu, String nameZh, String defaultTeamId, String position,
		String active) {

	static CategoryForm empty() {
		return new CategoryForm("", "", "", "", "", "0", "true");
	}

	static CategoryForm of(Category c) {
		return new CategoryForm(c.key(), c.nameEn(), c.nameRu(), c.nameZh(), String.valueOf(c.defaultTeamId()),
				String.valueOf(c.position()), String.valueOf(c.active()));
	}

	static CategoryForm of(Subcategory s) {
		return new CategoryForm(s.key(), s.nameEn(), s.nameRu(), s.nameZh(), "", String.valueOf(s.position()),
				String.valueOf(s.active()));
	}

	public boolean isActive() {
		return "true".equals(active);
	}

	CategoryDraft draft() {
		int pos;
		try {
			pos = position == null || position.isBlank() ? 0 : Integer.parseInt(position.strip());
		}
		catch (NumberFormatException e) {
			throw Rejected.of("position", "console.admin.categories.position.invalid");
		}
		String k = key == null ? null : key.strip().toLowerCase(java.util.Locale.ROOT);
		return new CategoryDraft(k, nameEn, nameRu, nameZh, CaseController.id(defaultTeamId), pos, isActive());
	}
}
