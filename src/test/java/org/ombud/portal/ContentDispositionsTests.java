package org.ombud.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;

class ContentDispositionsTests {

	@Test
	void plainNamesAreKeptAsTheyAre() {
		assertThat(ContentDispositions.attachment("screenshot-1.png"))
			.isEqualTo("attachment; filename=\"screenshot-1.png\"; filename*=UTF-8''screenshot-1.png");
	}

	@Test
	void otherScriptsQuotesAndSpacesArePercentEncodedWithAnAsciiFallback() {
		String header = ContentDispositions.attachment("фото \"1\" 截图%.pdf");
		assertThat(header).isEqualTo("attachment; filename=\"____ _1_ ___.pdf\"; "
				+ "filename*=UTF-8''%D1%84%D0%BE%D1%82%D0%BE%20%221%22%20%E6%88%AA%E5%9B%BE%25.pdf");
		// a standard parser reads back the exact name
		assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo("фото \"1\" 截图%.pdf");
		assertThat(ContentDisposition.parse(header).isAttachment()).isTrue();
	}

	@Test
	void emojiAreEncodedAsTheirUtf8Bytes() {
		assertThat(ContentDispositions.attachment("😀.png")).endsWith("filename*=UTF-8''%F0%9F%98%80.png")
			.contains("filename=\"_.png\"");
	}
}
