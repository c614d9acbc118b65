package io.fuseline.deploy.doctor;

/**
 * The outcome of one doctor check.
 *
 * @param name   what was checked, e.g. "SoftHSM2"
 * @param status the verdict
 * @param detail what was found (a version, a path, who holds a port)
 * @param fix    the exact command or step that mends it; empty when nothing needs mending
 */
public record Check(String name, Status status, String detail, String fix) {

    /** OK: present. MISSING: a line or the test suite cannot run without it. OPTIONAL: only some features need it. */
    public enum Status { OK, MISSING, OPTIONAL }

    public static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail, "");
    }

    public boolean blocking() {
        return status == Status.MISSING;
    }
}
