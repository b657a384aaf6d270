// The public face of the regions module: what other modules may use. Nothing else of it is theirs.
export { childrenOf, insertRegions, regionByCode } from './regions.repository.js';
export { CHONGQING_CENTRES, provinceRegions } from './regions.seed.js';
