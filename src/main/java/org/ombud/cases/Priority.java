package org.ombud.cases;

public enum Priority {
	LOW, NORMAL, HIGH, URGENT;

	public String messageKey() {
		return "case.priority." + name();
	}
}
