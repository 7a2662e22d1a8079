package org.ombud.console;

import java.util.List;

/** The localised messages of a refused form, each with the field it concerns (or null). */
record FormErrors(List<Item> items) {

	static final FormErrors NONE = new FormErrors(List.of());

	record Item(String field, String message) {
	}

	FormErrors {
		items = List.copyOf(items);
	}

	public boolean has(String field) {
		return items.stream().anyMatch(i -> field.equals(i.field()));
	}

	public boolean isEmpty() {
		return items.isEmpty();
	}

	public List<String> messages() {
		return items.stream().map(Item::message).distinct().toList();
	}
}
