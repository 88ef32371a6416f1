/** TCP gates between the tills and the engine, one per terminal, for taking one till's network away. */
import { startEngineGate, type EngineGate } from '../../test-support/till/engine-gate';

export type { EngineGate } from '../../test-support/till/engine-gate';

export interface TillGates {
  /** The gate between terminal `terminalId` and the engine; started open on first use. */
  open(terminalId: string): Promise<EngineGate>;
  /** The gate of a till started behind one (fails for a till that talks to the engine directly). */
  of(terminalId: string): EngineGate;
  stopAll(): Promise<void>;
}

export function tillGates(engineUrl: string): TillGates {
  const gates = new Map<string, EngineGate>();
  return {
    open: async (terminalId) => {
      const existing = gates.get(terminalId);
      if (existing) return existing;
      const gate = await startEngineGate(engineUrl);
      gates.set(terminalId, gate);
      return gate;
    },
    of: (terminalId) => {
      const gate = gates.get(terminalId);
      if (!gate)
        throw new Error(
          `terminal ${terminalId} has no gate: test.use({ tillsBehindGates: true }) first`,
        );
      return gate;
    },
    stopAll: async () => {
      await Promise.all([...gates.values()].map((gate) => gate.stop()));
      gates.clear();
    },
  };
}
