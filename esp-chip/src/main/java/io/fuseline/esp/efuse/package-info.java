/**
 * eFuse knowledge of the ESP32, ESP32-S3 and ESP32-C3, byte-compatible with espefuse v4.12.
 *
 * <ul>
 *   <li>Chips: {@link io.fuseline.esp.efuse.EfuseChip#of} gives {@link io.fuseline.esp.efuse.Esp32Efuse},
 *       {@link io.fuseline.esp.efuse.Esp32S3Efuse} or {@link io.fuseline.esp.efuse.Esp32C3Efuse} (register
 *       constants, {@link io.fuseline.esp.efuse.EfuseBlock}s); fields come from
 *       {@link io.fuseline.esp.efuse.EfuseFieldCatalog}.</li>
 *   <li>Reading: an {@link io.fuseline.esp.efuse.EfuseRegisters} snapshot (regs.bin image, virtual eFuse file or
 *       READ_REG answers) decodes with {@link io.fuseline.esp.efuse.EfuseDecoder} into an
 *       {@link io.fuseline.esp.efuse.EfuseSummary}.</li>
 *   <li>Coding: {@link io.fuseline.esp.efuse.ReedSolomon} RS(44,32) and {@link io.fuseline.esp.efuse.Coding34}.</li>
 *   <li>Burning (irreversible): {@link io.fuseline.esp.efuse.BurnPlanner} turns
 *       {@link io.fuseline.esp.efuse.BurnRequest}s into a {@link io.fuseline.esp.efuse.BurnPlan} or refuses with an
 *       {@link io.fuseline.esp.efuse.EfuseBurnRefusedException}; {@link io.fuseline.esp.efuse.ProgramSequence}
 *       expands a plan into the register operations espefuse performs over the ROM loader;
 *       {@link io.fuseline.esp.efuse.EfuseControllerModel} executes them on a modelled controller.</li>
 * </ul>
 *
 * Pure: no I/O, no dependencies beyond the JDK (JCA for the key check value).
 */
package io.fuseline.esp.efuse;
