package dev.snapferry.sim;

import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.data.GeneratedDataset;
import dev.snapferry.sim.faults.FaultSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code snapferry --simulator [--port N] [--speed X | --manual-clock] [--dataset demo|empty|RxS|AxRxS]}: runs the
 * simulator on its own so that any AWS client can be pointed at it, prints the endpoint and credentials, and runs
 * until stopped.
 */
public final class SimulatorCli {

    public static final String USAGE = """
            Usage: snapferry --simulator [--port N] [--speed X | --manual-clock] [--dataset demo|empty|RxS|AxRxS]
              --port N          listen on 127.0.0.1:N (default: a free port)
              --speed X         simulated time runs X times faster than real time (default 20)
              --manual-clock    time stands still until POST /_sim/clock/advance?seconds=N
              --dataset D       demo (default), empty, RxS: R regions of S generated snapshots each, or
                                AxRxS: the same in A accounts (keys AKIASNAPFERRYBENCHnn)
            Faults: -Dsnapferry.sim.latencyMs=50 -Dsnapferry.sim.throttleRate=20 -Dsnapferry.sim.errorRate=0.05
                    -Dsnapferry.sim.downRegions=eu-west-1 -Dsnapferry.sim.disabledRegions=111122223333:ap-east-1
                    -Dsnapferry.sim.deniedServices=111122223333:kms
                    -Dsnapferry.sim.serviceFaults=docdb-elastic:ListClusterSnapshots=error,kms=throttle,
                    or PUT /_sim/faults while running.
            """;

    private SimulatorCli() {
    }

    /** Parses the options after {@code --simulator}; returns the process exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Simulator.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("snapferry --simulator: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        Simulator simulator;
        try {
            simulator = Simulator.start(options);
        } catch (IOException e) {
            err.println("snapferry --simulator: cannot listen on port " + options.port() + ": " + e.getMessage());
            return 1;
        }
        describe(simulator, out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static Simulator.Options parse(List<String> args) {
        Simulator.Options options = Simulator.Options.demo();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--port" -> options = options.withPort(integer(value(args, ++i, arg), 0, 65_535, arg));
                case "--speed" -> {
                    double speed = Double.parseDouble(value(args, ++i, arg));
                    if (!(speed > 0) || speed > 1_000_000) {
                        throw new IllegalArgumentException("--speed must be above 0 and at most 1000000");
                    }
                    options = options.withClock(SimClock.scaled(speed));
                }
                case "--manual-clock" -> options = options.withClock(SimClock.manual(Instant.now()));
                case "--dataset" -> options = options.withDataset(dataset(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        return options.withFaults(FaultSettings.fromProperties(System.getProperties(), FaultSettings.none()));
    }

    private static Dataset dataset(String name) {
        if (name.equals("demo")) {
            return new DemoDataset();
        }
        if (name.equals("empty")) {
            return Dataset.EMPTY;
        }
        String[] parts = name.split("x");
        if (parts.length == 2 || parts.length == 3) {
            int accounts = parts.length == 3 ? integer(parts[0], 1, GeneratedDataset.MAX_ACCOUNTS, "--dataset") : 1;
            return new GeneratedDataset(accounts, integer(parts[parts.length - 2], 1,
                    GeneratedDataset.REGION_POOL.size(), "--dataset"),
                    integer(parts[parts.length - 1], 0, 1_000_000, "--dataset"), 42);
        }
        throw new IllegalArgumentException("--dataset takes demo, empty, RxS (e.g. 16x1000) or AxRxS (e.g. "
                + "16x17x1000), not " + name);
    }

    private static void describe(Simulator simulator, PrintStream out) {
        out.println("Snapferry AWS simulator listening on " + simulator.endpoint());
        out.println("Accounts:");
        out.println("  " + DemoAccounts.PRODUCTION + "  AWS_ACCESS_KEY_ID=" + DemoAccounts.PRODUCTION_ACCESS_KEY
                + " AWS_SECRET_ACCESS_KEY=" + DemoAccounts.PRODUCTION_SECRET_KEY);
        out.println("  " + DemoAccounts.DISASTER_RECOVERY + "  AWS_ACCESS_KEY_ID=" + DemoAccounts.DR_ACCESS_KEY
                + " AWS_SECRET_ACCESS_KEY=" + DemoAccounts.DR_SECRET_KEY);
        out.println("Try:");
        out.println("  AWS_ACCESS_KEY_ID=" + DemoAccounts.PRODUCTION_ACCESS_KEY + " AWS_SECRET_ACCESS_KEY="
                + DemoAccounts.PRODUCTION_SECRET_KEY + " aws rds describe-db-cluster-snapshots --region us-east-1"
                + " --endpoint-url " + simulator.endpoint());
        out.println("Stop with Ctrl+C.");
        out.flush();
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int integer(String text, int min, int max, String option) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new IllegalArgumentException(option + " must be from " + min + " to " + max + ": " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not " + text);
        }
    }
}
