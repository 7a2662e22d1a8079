package org.ombud.cases;

import java.util.List;

/** A kind of problem; new cases of it go to its default team. Names in the three languages. */
public record Category(long id, String key, String nameEn, String nameRu, String nameZh, long defaultTeamId,
		int position, boolean active, List<Subcategory> subcategories) {

	public Category {
		subcategories = List.copyOf(subcategories);
	}

	public String name(String language) {
		return switch (language) {
			case "ru" -> nameRu;
			case "zh" -> nameZh;
			default -> nameEn;
		};
	}
}
