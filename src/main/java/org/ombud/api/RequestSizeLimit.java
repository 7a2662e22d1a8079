package org.ombud.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of API requests at what the evidence policy could need, so that nobody makes the server read
 * (and hold) gigabytes of JSON. Reading past the cap fails with {@link TooLarge}, which becomes a 413 problem.
 */
class RequestSizeLimit extends OncePerRequestFilter {

	private final long maxBytes;

	RequestSizeLimit(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	long maxBytes() {
		return maxBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new Limited(request, maxBytes), response);
	}

	/** Thrown while reading a request body longer than the cap. */
	static final class TooLarge extends IOException {

		private final long maxBytes;

		TooLarge(long maxBytes) {
			super("request body larger than " + maxBytes + " bytes");
			this.maxBytes = maxBytes;
		}

		long maxBytes() {
			return maxBytes;
		}
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long maxBytes;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), getContentLengthLong(), maxBytes);
			}
			return stream;
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long declaredLength;

		private final long maxBytes;

		private long read;

		CountingStream(ServletInputStream in, long declaredLength, long maxBytes) {
			this.in = in;
			this.declaredLength = declaredLength;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			check(0);
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			check(0);
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		// a declared length over the cap is refused before a byte is read
		private void check(long more) throws TooLarge {
			if (declaredLength > maxBytes || read + more > maxBytes) {
				throw new TooLarge(maxBytes);
			}
		}

		private void count(int n) throws TooLarge {
			read += n;
			check(0);
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return in.available();
		}

		@Override
		public void close() throws IOException {
			in.close();
		}
	}
}
