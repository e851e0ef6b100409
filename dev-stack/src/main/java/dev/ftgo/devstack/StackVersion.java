package dev.ftgo.devstack;

import picocli.CommandLine.IVersionProvider;

/** {@code ./stack --version}: the project version dev-stack-cli.jar was built as (its manifest's Implementation-Version). */
final class StackVersion implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = StackVersion.class.getPackage().getImplementationVersion();
		return new String[] {"FTGO dev stack " + (version == null ? "(run from classes, not from dev-stack-cli.jar)" : version),
				"Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
	}
}
