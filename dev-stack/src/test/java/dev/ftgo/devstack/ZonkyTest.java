package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZonkyTest {

	@AfterEach
	void clear() {
		System.clearProperty("ftgo.max-slot-wal-keep-size");
	}

	@Test
	void capsTheSlotsWalByDefault() {
		assertThat(Zonky.maxSlotWalKeepSize()).isEqualTo(System.getenv("FTGO_MAX_SLOT_WAL_KEEP_SIZE") == null ? "1GB"
				: System.getenv("FTGO_MAX_SLOT_WAL_KEEP_SIZE").trim());
	}

	@Test
	void takesTheCapFromASystemProperty() {
		System.setProperty("ftgo.max-slot-wal-keep-size", " 256MB ");

		assertThat(Zonky.maxSlotWalKeepSize()).isEqualTo("256MB");
	}
}
