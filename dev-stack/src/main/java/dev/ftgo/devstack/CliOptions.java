package dev.ftgo.devstack;

import java.nio.file.Path;

/**
 * What {@code ./stack} without a command was asked to do, as {@link StackCommand} parsed it.
 *
 * @param runDir the {@code --run-dir}, absolute; null for the project's own
 */
record CliOptions(boolean reset, StackPorts ports, Path runDir, Scale scale) {
}
