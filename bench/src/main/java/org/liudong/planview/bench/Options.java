package org.liudong.planview.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs from the command line. */
final class Options {
    private Options() {
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + args[i]);
            String name = args[i].substring(2);
            if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
            out.put(name, args[++i]);
        }
        return out;
    }
}
