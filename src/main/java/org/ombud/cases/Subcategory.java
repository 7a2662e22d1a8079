package org.ombud.cases;

public record Subcategory(long id, long categoryId, String key, String nameEn, String nameRu, String nameZh,
		int position, boolean active) {

	public String name(String language) {
		return switch (language) {
			case "ru" -> nameRu;
			case "zh" -> nameZh;
			default -> nameEn;
		};
	}
}
