/**
 * ECharts for the big screen, tree-shaken through echarts/core, with the outlines of
 * Chongqing's districts registered as a map. Only the lazily loaded screen chunk imports this
 * module, so neither ECharts nor the outlines reach any other page's first load.
 */
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import chongqing from './geo/chongqing.json';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** The name the district outlines are registered under. */
export const MAP_NAME = 'shanmei-districts';

// ECharts 6 still decodes the compressed form ECharts 4 shipped (`UTF8Encoding`), see geo/README.md.
echarts.registerMap(MAP_NAME, chongqing as unknown as Parameters<typeof echarts.registerMap>[1]);

/** The names of the outlined districts, as the map file spells them. */
export const OUTLINED: readonly string[] = chongqing.features.map((f) => f.properties.name);

export { echarts };
