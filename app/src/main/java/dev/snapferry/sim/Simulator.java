package dev.snapferry.sim;

import dev.snapferry.sim.data.DemoDataset;
import dev.snapferry.sim.elastic.ElasticService;
import dev.snapferry.sim.faults.FaultSettings;
import dev.snapferry.sim.faults.Faults;
import dev.snapferry.sim.http.SimHttpServer;
import dev.snapferry.sim.kms.KmsService;
import dev.snapferry.sim.rds.RdsService;
import dev.snapferry.sim.state.World;
import dev.snapferry.sim.sts.StsService;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The embedded AWS simulator: an HTTP endpoint on 127.0.0.1 that the real AWS SDK clients (and the AWS CLI) reach
 * through an endpoint override. It speaks the wire protocols of RDS/DocumentDB/Neptune, DocumentDB Elastic, KMS
 * and STS, keeps state per account (from the access key) and region (from the signature), enforces AWS's rules with
 * AWS's error codes, advances copies over simulated time and injects faults on demand.
 */
public final class Simulator implements AutoCloseable {

    /**
     * How to start a simulator.
     *
     * @param port 0 for an ephemeral port
     */
    public record Options(int port, SimClock clock, FaultSettings faults, Dataset dataset) {

        public Options {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(faults, "faults");
            Objects.requireNonNull(dataset, "dataset");
        }

        /** Demo mode: the demo dataset, a copy takes tens of seconds, faults from {@code snapferry.sim.*}. */
        public static Options demo() {
            return new Options(0, SimClock.scaled(DEMO_SPEED), FaultSettings.fromProperties(System.getProperties(),
                    FaultSettings.none()), new DemoDataset());
        }

        public Options withPort(int newPort) {
            return new Options(newPort, clock, faults, dataset);
        }

        public Options withDataset(Dataset newDataset) {
            return new Options(port, clock, faults, newDataset);
        }

        public Options withFaults(FaultSettings newFaults) {
            return new Options(port, clock, newFaults, dataset);
        }

        public Options withClock(SimClock newClock) {
            return new Options(port, newClock, faults, dataset);
        }
    }

    /** How much faster than real time the demo runs. */
    public static final double DEMO_SPEED = 20;

    private final SimContext context;
    private final SimHttpServer server;

    private Simulator(SimContext context, SimHttpServer server) {
        this.context = context;
        this.server = server;
    }

    public static Simulator start(Options options) throws IOException {
        SimContext context = new SimContext(new World(), DemoAccounts.identities(), options.clock(),
                new Faults(options.faults()));
        options.dataset().populate(context);
        SimHttpServer server = new SimHttpServer(options.port(), context, List.of(new RdsService(context),
                new ElasticService(context), new KmsService(context), new StsService(context)));
        return new Simulator(context, server);
    }

    /** The endpoint every client's endpoint override points at. */
    /** AWS API calls the simulator has answered, for benchmarks that count calls. */
    public long requestCount() {
        return server.serviceRequests();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int port() {
        return server.port();
    }

    public SimContext context() {
        return context;
    }

    public Faults faults() {
        return context.faults();
    }

    @Override
    public void close() {
        server.close();
    }
}
