import type { App } from '../../context.js';
import { goodsRoutes } from './goods.routes.js';
import { redemptionRoutes } from './redemptions.routes.js';

/** Points supermarkets (积分超市): goods, stock, redemption at the counter, reports. */
export function supermarketsModule(app: App): void {
  goodsRoutes(app);
  redemptionRoutes(app);
}
