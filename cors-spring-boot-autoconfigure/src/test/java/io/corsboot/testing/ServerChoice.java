package io.corsboot.testing;

import java.util.List;

/**
 * How an application is made to run on one of the servers on the test class path: see {@link BootLine#server}.
 *
 * @param sources configuration classes to add to the application
 * @param excludedAutoConfigurations auto-configurations to leave out
 */
public record ServerChoice(List<Class<?>> sources, List<String> excludedAutoConfigurations) {
}
