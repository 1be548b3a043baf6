import { ACTION, decodeCursorValue } from '../../blocks/index.js';
import { CursorExpiredError } from '../../results/index.js';
import { showDailyChart } from '../show-summary.js';
import type { ClickAction } from './types.js';

/**
 * Chart by day, on a summary of totals: the message becomes the same scope counted per UTC day, with
 * Slack's own chart and table in it. Nothing is drawn or uploaded here any more.
 */
export const CHART_CLICK: ClickAction = {
  match: ACTION.chart,
  name: 'chart',
  async run(deps, ctx, value) {
    const id = decodeCursorValue(value);
    if (!id) throw new CursorExpiredError(undefined);
    return showDailyChart(deps, ctx, id);
  },
};
