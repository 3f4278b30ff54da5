package dev.snapferry.sim;

import dev.snapferry.sim.faults.Faults;
import dev.snapferry.sim.state.World;

/**
 * What every simulated service shares: the state, the credentials, the clock and the faults. The AWS rules are the
 * simulator's own ({@code sim.aws}), never the app's.
 */
public record SimContext(World world, Identities identities, SimClock clock, Faults faults) {
}
