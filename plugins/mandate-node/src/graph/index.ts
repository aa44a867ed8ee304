export { ServiceGraph } from './ServiceGraph';
export type { ServiceEdge, ServiceCycle, HardReach } from './ServiceGraph';
export { stronglyConnectedComponents } from './stronglyConnectedComponents';
