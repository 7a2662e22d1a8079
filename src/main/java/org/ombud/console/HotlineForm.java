package org.ombud.console;

/**
 * A phone call as the agent types it in. {@code category} is a category key or {@code key/subkey}.
 */
record HotlineForm(String name, String phone, String email, String language, String category, String description,
		String reportedObject, String priority) {

	static HotlineForm empty(String language) {
		return new HotlineForm("", "", "", language, "", "", "", "NORMAL");
	}
}
