package org.ombud.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {

	public Page {
		items = List.copyOf(items);
	}

	public int pages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < pages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), page, size, total);
	}

	/** Clamps what a caller asked for into a sane request. */
	public record Request(int page, int size) {

		public static final int MAX_SIZE = 200;

		public Request {
			page = Math.max(0, page);
			size = size <= 0 ? 50 : Math.min(size, MAX_SIZE);
		}

		public long offset() {
			return (long) page * size;
		}
	}
}
