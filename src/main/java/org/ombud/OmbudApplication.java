package org.ombud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
// shared (ids, time, errors) is part of every module's world, also when a test starts one module alone
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
public class OmbudApplication {

	public static void main(String[] args) {
		SpringApplication.run(OmbudApplication.class, args);
	}
}
