package dev.ftgo.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

class OptionValuesTest {

	private final OptionValues.PositiveDuration duration = new OptionValues.PositiveDuration();

	@Test
	void readsShortAndIsoDurations() {
		assertThat(duration.convert("90s")).isEqualTo(Duration.ofSeconds(90));
		assertThat(duration.convert("12h")).isEqualTo(Duration.ofHours(12));
		assertThat(duration.convert("7D")).isEqualTo(Duration.ofDays(7));
		assertThat(duration.convert("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void refusesDurationsThatAreNotPositive() {
		assertThatThrownBy(() -> duration.convert("PT-1S")).isInstanceOf(TypeConversionException.class)
				.hasMessage("'PT-1S' is not a positive duration");
		assertThatThrownBy(() -> duration.convert("99999999999999999999d")).hasMessageContaining("is not a duration");
	}

	@Test
	void takesPortsFromOneTo65535() {
		OptionValues.Port port = new OptionValues.Port();

		assertThat(port.convert("1")).isEqualTo(1);
		assertThat(port.convert("65535")).isEqualTo(65535);
		assertThatThrownBy(() -> port.convert("65536")).hasMessage("'65536' is not a port number (1 to 65535)");
		assertThatThrownBy(() -> port.convert("-1")).hasMessage("'-1' is not a port number (1 to 65535)");
	}

	@Test
	void takesOnlyIdsWrittenOutInFull() {
		UUID id = UUID.randomUUID();
		OptionValues.Id ids = new OptionValues.Id();

		assertThat(ids.convert(id.toString())).isEqualTo(id);
		// UUID.fromString would take it as 00000001-0002-0003-0004-000000000005
		assertThatThrownBy(() -> ids.convert("1-2-3-4-5")).hasMessage("'1-2-3-4-5' is not a UUID");
	}

	@Test
	void readsAddressesToListenOn() throws Exception {
		OptionValues.Address address = new OptionValues.Address();

		assertThat(address.convert("0.0.0.0")).isEqualTo(InetAddress.getByName("0.0.0.0"));
		assertThatThrownBy(() -> address.convert("no-such-host.invalid"))
				.hasMessage("'no-such-host.invalid' is not an address of this machine, such as 127.0.0.1 or 0.0.0.0");
	}
}
