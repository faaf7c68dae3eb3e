package org.liudong.planview.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** One line saying what the figures were measured on. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: say so below
        }
        long memGiB = 0;
        try {
            memGiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024).orElse(0L);
        } catch (IOException ignored) {
            // leave 0
        }
        return String.format(Locale.ROOT, "%d cores (%s), %d GiB, Java %s, %s", Runtime.getRuntime().availableProcessors(),
                cpu, memGiB, System.getProperty("java.version"), System.getProperty("os.name"));
    }
}
