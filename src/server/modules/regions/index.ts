// The public face of the regions module: what other modules may use. Nothing else of it is theirs.
export { childrenOf, countRegions, insertRegions, regionByCode } from './regions.repository.js';
export { CHONGQING_CENTRES, provinceRegions, seedProvince } from './regions.seed.js';
