package dev.ftgo.devstack;

/**
 * One process of a {@link Component}: instance 1 is what a stack of one of each runs (its port, its
 * {@code <component>.log}); further instances are named {@code <component>-<number>} in their log and pid
 * files and on their command line.
 */
public record Instance(Component component, int number) {

	public Instance {
		if (number < 1) {
			throw new IllegalArgumentException("Instances are numbered from 1, not " + number);
		}
	}

	/** The first (for most components, the only) instance. */
	public static Instance first(Component component) {
		return new Instance(component, 1);
	}

	/** The name of its log and pid files and its command-line marker: {@code order-service}, {@code order-service-2}. */
	public String id() {
		return number == 1 ? component.id() : component.id() + "-" + number;
	}

	@Override
	public String toString() {
		return id();
	}
}
