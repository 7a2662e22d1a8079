package org.ombud.audit;

/**
 * The result of walking the chain: how many sealed entries were checked and the place ({@code seq}) of the first
 * one that does not fit, if any.
 */
public record ChainCheck(long checked, Long brokenAt) {

	public boolean intact() {
		return brokenAt == null;
	}
}
