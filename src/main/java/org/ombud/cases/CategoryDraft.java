package org.ombud.cases;

/** What an admin types to add or edit a category or subcategory. */
public record CategoryDraft(String key, String nameEn, String nameRu, String nameZh, Long defaultTeamId,
		int position, boolean active) {
}
