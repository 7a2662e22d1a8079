package org.ombud.portal;

import java.util.List;

/**
 * What was wrong with a submitted form, already in the page's language. Each item names the form field it
 * belongs next to, or none when it concerns the whole request.
 */
record FormErrors(List<Item> items) {

	record Item(String field, String text) {
	}

	FormErrors {
		items = List.copyOf(items);
	}

	static FormErrors none() {
		return new FormErrors(List.of());
	}

	public boolean any() {
		return !items.isEmpty();
	}

	public boolean has(String field) {
		return items.stream().anyMatch(i -> field.equals(i.field()));
	}

	public List<String> of(String field) {
		return items.stream().filter(i -> field.equals(i.field())).map(Item::text).toList();
	}
}
