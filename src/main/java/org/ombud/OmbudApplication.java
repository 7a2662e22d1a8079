package org.ombud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OmbudApplication {

	public static void main(String[] args) {
		SpringApplication.run(OmbudApplication.class, args);
	}
}
