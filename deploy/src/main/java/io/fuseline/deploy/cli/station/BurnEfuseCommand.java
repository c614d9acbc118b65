package io.fuseline.deploy.cli.station;

import io.fuseline.esp.efuse.BurnRequest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code station burn-efuse FIELD VALUE [FIELD VALUE ...]}: irreversibly burns fields to new absolute values, as
 * {@code espefuse burn_efuse}, in one plan (one burn of each block, BLOCK0 last), verified block by block.
 */
@Command(name = "burn-efuse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Irreversible: burn eFuse fields to new values, as espefuse burn_efuse (asks you to type BURN).",
            "",
            "VALUE is the new absolute value (0x.. or decimal; bits only go 0 to 1); a bytes field takes hex bytes "
                    + "in eFuse memory order (longer than 16 hex digits)."
        })
final class BurnEfuseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PortOptions port;

    @Parameters(arity = "2..*", paramLabel = "FIELD VALUE", description = "Field names and values, in pairs.")
    List<String> pairs = new ArrayList<>();

    @Option(names = "--yes", description = "Do not ask; required when standard input is not a terminal.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        if (pairs.size() % 2 != 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "FIELD VALUE come in pairs; '"
                    + pairs.get(pairs.size() - 1) + "' has no value");
        }
        List<BurnRequest> requests = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            requests.add(request(pairs.get(i), pairs.get(i + 1)));
            description.append(i == 0 ? "" : ", ").append(pairs.get(i)).append(" = ").append(pairs.get(i + 1));
        }
        BurnSession.burn(port, spec.commandLine().getOut(), requests, description.toString(), yes);
        return 0;
    }

    private BurnRequest request(String field, String value) {
        String v = value.strip();
        String hex = v.startsWith("0x") || v.startsWith("0X") ? v.substring(2) : v;
        try {
            if (hex.length() > 16 && hex.matches("[0-9a-fA-F]+")) {
                return new BurnRequest.SetFieldBytes(field, HexFormat.of().parseHex(hex));
            }
            return new BurnRequest.SetField(field, Long.decode(v));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "bad value '" + value + "' for " + field
                    + " (a number such as 1 or 0xF, or hex bytes)");
        }
    }
}
