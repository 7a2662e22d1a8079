package org.ombud.shared;

import java.util.List;
import java.util.Locale;

/** The languages Ombud speaks to agents and complainants. */
public final class Languages {

	public static final List<String> SUPPORTED = List.of("en", "ru", "zh");

	private Languages() {
	}

	/** The supported language closest to the given locale, English otherwise. */
	public static String of(Locale locale) {
		return locale == null ? "en" : of(locale.getLanguage());
	}

	public static String of(String tag) {
		if (tag == null) {
			return "en";
		}
		String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
		return SUPPORTED.contains(language) ? language : "en";
	}
}
