import { runSimulation, type SimulationJob, type SimulationResult } from './simulation-core';

/** Piscina worker (bundled as dist/api/policy-lab-worker.js): the comparison off the API's event loop. */
export default function simulate(job: SimulationJob): SimulationResult {
  return runSimulation(job);
}
