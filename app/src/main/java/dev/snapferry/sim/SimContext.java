package dev.snapferry.sim;

import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.sim.faults.Faults;
import dev.snapferry.sim.state.World;

/** What every simulated service shares: the state, the credentials, the clock, the engine rules and the faults. */
public record SimContext(World world, Identities identities, SimClock clock, CapabilityMatrix matrix, Faults faults) {
}
