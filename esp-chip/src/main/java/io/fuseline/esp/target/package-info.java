/**
 * Per-family chip facts a host needs to talk to the ROM serial loader (esptool's {@code targets/*.py}): detection
 * values, UART, SPI user-command and calibration registers, where MAC and revision bits sit. One class per chip
 * family, constants only, no I/O. The eFuse maps themselves live in {@link io.fuseline.esp.efuse}.
 */
package io.fuseline.esp.target;
