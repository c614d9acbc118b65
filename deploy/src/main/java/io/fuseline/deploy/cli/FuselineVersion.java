package io.fuseline.deploy.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}: the build's, plus the JVM it runs on. */
final class FuselineVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = FuselineVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "fuseline " + (v == null ? "0.1.0-SNAPSHOT" : v),
            "java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
