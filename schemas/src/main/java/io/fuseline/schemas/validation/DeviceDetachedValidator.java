package io.fuseline.schemas.validation;

import io.fuseline.schemas.message.DeviceDetached;

/** DeviceDetached: a unicast MAC if any; a job only runs on an identified unit, so duringJob needs the MAC. */
final class DeviceDetachedValidator implements MessageValidator<DeviceDetached> {
    @Override
    public void validate(DeviceDetached m, RuleCheck check) {
        if (m.mac() != null) {
            check.unicastMac(m.mac(), "/mac");
        }
        check.require(!m.duringJob() || m.mac() != null, "/mac",
                "is required when the unit left during a job (jobs run only on identified units)");
    }
}
